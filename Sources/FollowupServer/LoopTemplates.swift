import FollowupKit

/// The templates of the follow-up loop's pages (#26), beside `Templates`.
enum LoopTemplates {
    static let all: [(String, String)] = [
        ("review", review), ("reviewstate", reviewState), ("supported", SupportPages.template),
    ]

    /// A task's review state, in its state cell: awaiting the office, or returned with the note.
    static let reviewState = """
        {{#awaiting}} · <strong>{{.}}</strong>{{/awaiting}}{{#returned}}<br><span class="late">{{label}} \
        {{date}}</span>{{#note}}: <span class="u">{{.}}</span>{{/note}}{{/returned}}
        """

    /// The model keys `reviewstate` reads; always set (a missing key would be looked up in the
    /// enclosing model).
    static func reviewState(_ m: inout [String: Any], _ a: Assessment, _ lang: Language) {
        m["awaiting"] = a.awaitingReview ? Review.pending.label(lang) : false
        if let r = a.timeline.returned {
            var returned: [String: Any] = ["label": Review.returned.label(lang), "date": lang.format(r.date)]
            returned["note"] = r.note.map(Pages.text) ?? false
            m["returned"] = returned
        } else {
            m["returned"] = false
        }
    }

    static func words(_ lang: Language) -> [String: String] {
        [
            "task": lang.pick("Nhiệm vụ", "Task"), "unit": lang.pick("Đơn vị", "Unit"),
            "reported": lang.pick("Báo cáo", "Reported"), "deadline": lang.pick("Hạn", "Deadline"),
            "conclusion": lang.pick("Kết luận", "Conclusion"),
            "accept": lang.pick("Xác nhận hoàn thành", "Accept"),
            "return": lang.pick("Trả lại", "Return"), "reason": lang.pick("Lý do trả lại", "Reason"),
        ]
    }

    static let review = """
        {{> head}}<h1>{{heading}}</h1>
        {{#hasItems}}<table class="cards"><thead><tr><th>{{labels.task}}</th><th>{{labels.unit}}</th>\
        <th>{{labels.reported}}</th><th>{{labels.deadline}}</th><th>{{labels.conclusion}}</th></tr></thead><tbody>
        {{#items}}<tr><td><a href="/tasks/{{href}}" title="{{id}}">{{short}}</a></td>\
        <td data-label="{{labels.unit}}">{{unit}}</td>
        <td data-label="{{labels.reported}}">{{date}}{{#who}} · {{.}}{{/who}}{{#document}} · {{.}}{{/document}}\
        {{#files}} · <a href="/{{href}}" download>{{name}}</a>{{/files}}\
        {{#note}}<br><span class="u">{{.}}</span>{{/note}}</td><td data-label="{{labels.deadline}}">{{due}}</td>
        <td data-label="{{labels.conclusion}}"><span class="u">{{text}}</span>{{#decide}}\
        <form class="update" method="post" action="/tasks/{{href}}/review">\
        <input type="hidden" name="csrf" value="{{csrf}}">\
        <input type="hidden" name="decision" value="accept">\
        <button type="submit">{{labels.accept}}</button></form>\
        <form class="update" method="post" action="/tasks/{{href}}/review">\
        <input type="hidden" name="csrf" value="{{csrf}}">\
        <input type="hidden" name="decision" value="return">\
        <label>{{labels.reason}} <input name="note" size="40" required></label>\
        <button type="submit">{{labels.return}}</button></form>{{/decide}}</td></tr>{{/items}}</tbody></table>\
        {{/hasItems}}
        {{^hasItems}}<p>{{none}}</p>{{/hasItems}}{{> foot}}
        """
}
