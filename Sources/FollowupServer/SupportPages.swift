import FollowupKit
import Foundation

/// A unit page's section of the tasks the unit supports (phối hợp, #26 item 4): each with its
/// lead, deadline and state, the unit's own last report of its part, and, for the unit's own
/// account, the form to report its part. The library decides (`TaskTimeline.isPart`,
/// `TaskUpdates.part`); this builds the model.
enum SupportPages {
    /// The open tasks the unit supports, worst first (`RootSnapshot.supportAgenda`), at most
    /// `Pages.pageSize` of them: a large root's unit may support thousands.
    static func section(
        unit code: String, snapshot: RootSnapshot, account: Account, options: AssessmentOptions, today: Day,
        csrf: String, lang: Language
    ) -> [String: Any] {
        let back = "/units/" + segment(code)
        let supported = snapshot.supportAgenda(ofUnit: code, options: options)
        let rows = supported.prefix(Pages.pageSize).map { a -> [String: Any] in
            let t = a.task
            let meeting = snapshot.meeting(of: t)
            var m: [String: Any] = [
                "id": Pages.text(t.id), "short": Pages.text(ShortID.of(t, in: meeting, lang)),
                "href": segment(t.id), "lead": Pages.text(t.unit), "leadHref": segment(t.unit),
                "due": a.timeline.deadline.label(lang), "state": a.state.label(lang),
                "text": Pages.text(snapshot.conclusion(of: t).text),
            ]
            if let mine = a.timeline.parts.last(where: { $0.by == code }) {
                var l: [String: Any] = ["date": lang.format(mine.date)]
                l["note"] = mine.note.map(Pages.text) ?? false
                m["mine"] = l
            } else {
                m["mine"] = false
            }
            m["form"] =
                account.role == .unit && account.unit == code
                ? Pages.forms(
                    for: t, account: account, timeline: TaskTimeline.replay(t), meetingDate: meeting.date,
                    today: today, back: back, csrf: csrf, lang: lang, all: false)
                : [Any]()
            return m
        }
        let more = supported.count - rows.count
        return [
            "heading": lang.pick("Nhiệm vụ phối hợp đang thực hiện", "Open tasks the unit supports")
                + " (\(supported.count))",
            "hasRows": !rows.isEmpty, "rows": rows,
            "more": more > 0
                ? lang.pick("Còn \(more) nhiệm vụ phối hợp nữa, không hiện ở đây.", "\(more) more not shown here.")
                : false,
            "labels": [
                "task": lang.pick("Nhiệm vụ", "Task"), "lead": lang.pick("Đơn vị chủ trì", "Lead unit"),
                "deadline": lang.pick("Hạn", "Deadline"), "state": lang.pick("Tình trạng", "State"),
                "mine": lang.pick("Báo cáo phần phối hợp", "The part reported"),
                "conclusion": lang.pick("Kết luận", "Conclusion"), "none": lang.pick("chưa có", "none"),
            ],
        ]
    }

    static let template = """
        {{#supported}}{{#hasRows}}<h2>{{heading}}</h2><table class="cards"><thead><tr><th>{{labels.task}}</th>\
        <th>{{labels.lead}}</th><th>{{labels.deadline}}</th><th>{{labels.state}}</th><th>{{labels.mine}}</th>\
        <th>{{labels.conclusion}}</th></tr></thead><tbody>
        {{#rows}}<tr><td><a href="/tasks/{{href}}" title="{{id}}">{{short}}</a></td>\
        <td data-label="{{labels.lead}}"><a href="/units/{{leadHref}}">{{lead}}</a></td>\
        <td data-label="{{labels.deadline}}">{{due}}</td><td data-label="{{labels.state}}">{{state}}</td>\
        <td data-label="{{labels.mine}}">{{#mine}}{{date}}{{#note}}: <span class="u">{{.}}</span>{{/note}}{{/mine}}\
        {{^mine}}{{labels.none}}{{/mine}}</td>
        <td class="u">{{text}}{{#form}}{{> updateform}}{{/form}}</td></tr>{{/rows}}</tbody></table>{{/hasRows}}\
        {{#more}}<p>{{.}}</p>{{/more}}{{/supported}}
        """
}
