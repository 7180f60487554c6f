import FollowupKit
import Foundation
import Hummingbird

/// The follow-up loop's routes (#26): the office's queue of reports of done awaiting its
/// review, and its accept/return form. The library decides (`TaskTimeline`, `TaskUpdates`);
/// this file parses and renders.
extension PortalRoutes {
    func registerLoop(pages: RouterGroup<PortalContext>, forms: RouterGroup<PortalContext>) {
        pages.get("/review") { request, context in try await reviewQueue(request, context) }
        forms.group()
            .add(middleware: RequireRole(roles: [.office]))
            .post("/tasks/:id/review") { request, context in try await formReview(request, context) }
    }

    /// Every task whose unit reported done and that the office has not yet accepted or
    /// returned, oldest report first.
    func reviewQueue(_ request: Request, _ context: PortalContext) async throws -> Response {
        let account = try context.requireIdentity()
        let ledger = try await portal.ledger()
        let lang = context.lang
        var waiting: [(TaskItem, Update)] = []
        for t in ledger.tasks {
            if let p = TaskTimeline.replay(t).awaitingReview { waiting.append((t, p)) }
        }
        waiting.sort { ($0.1.date, $0.0.id) < ($1.1.date, $1.0.id) }
        var model = Pages.base(context, title: lang.pick("Chờ xác nhận", "Awaiting review"))
        model["heading"] =
            lang.pick("Báo cáo hoàn thành chờ xác nhận", "Reports of done awaiting review")
            + " (\(waiting.count))"
        model["hasItems"] = !waiting.isEmpty
        model["none"] = lang.pick("Không có báo cáo nào chờ xác nhận.", "No report awaits review.")
        model["labels"] = LoopTemplates.words(lang)
        let mayDecide = account.role == .office
        model["items"] = waiting.map { entry -> [String: Any] in
            let (t, p) = entry
            let meeting = ledger.meeting(of: t)
            var m: [String: Any] = [
                "id": Pages.text(t.id), "short": Pages.text(ShortID.of(t, in: meeting, lang)),
                "href": segment(t.id), "unit": Pages.text(t.unit), "date": lang.format(p.date),
                "due": TaskTimeline.replay(t).deadline.label(lang),
                "text": Pages.text(ledger.conclusion(of: t).text),
            ]
            m["who"] = p.authorship(lang).map(Pages.text) ?? false
            m["note"] = p.note.map(Pages.text) ?? false
            m["document"] = p.document.map(Pages.text) ?? false
            m["files"] = Pages.files(p)
            if mayDecide {
                m["decide"] = ["csrf": context.csrf ?? "", "href": segment(t.id)]
            } else {
                m["decide"] = false
            }
            return m
        }
        if request.uri.queryParameters["saved"] != nil { model["flash"] = lang.pick("Đã ghi.", "Saved.") }
        return Responses.html(portal.templates.render(model, withTemplate: "review") ?? "")
    }

    struct ReviewForm: Decodable {
        var decision: String?
        var note: String?
        var date: String?
    }

    func formReview(_ request: Request, _ context: PortalContext) async throws -> Response {
        let account = try context.requireIdentity()
        let fields = try await Forms.decode(ReviewForm.self, request, context)
        let r = UpdateRequest(note: fields.note, date: fields.date, review: fields.decision ?? "")
        _ = try await write(r, account: account, taskName: decoded(context, "id"))
        return Responses.redirect("/review?saved=1")
    }
}
