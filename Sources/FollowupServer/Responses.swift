import FollowupKit
import Foundation
import Hummingbird
import NIOCore

/// Building responses: pages from templates, JSON, bytes, redirects.
enum Responses {
    static func bytes(_ bytes: [UInt8], type: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        bytes(Array(text.utf8), type: "text/html; charset=utf-8", status: status)
    }

    static func redirect(_ location: String, status: HTTPResponse.Status = .seeOther) -> Response {
        Response(status: status, headers: [.location: location])
    }

    static func json(error e: PortalError, lang: Language) -> Response {
        var w = JSONWriter()
        w.open()
        w.string("error", e.word)
        w.string("message", e.message(lang))
        w.close()
        return bytes(w.bytes, type: "application/json", status: e.status)
    }

    static func page(error e: PortalError, context: PortalContext, portal: Portal) -> Response {
        var model = Pages.base(context, title: e.message(context.lang))
        model["heading"] = e.heading(context.lang)
        model["problem"] = e.message(context.lang)
        return html(portal.templates.render(model, withTemplate: "error") ?? e.message(context.lang), status: e.status)
    }
}

/// A task id, a unit code or a meeting id as one path segment: `#` → %23, `/` → %2F.
func segment(_ s: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
}
