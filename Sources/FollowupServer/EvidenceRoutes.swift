import FollowupKit
import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// Evidence files on the portal (#26 item 1): the report form with files (multipart, streamed
/// to a temporary file in the root, never whole in memory), and the files served to logged-in
/// accounts only, as attachments. The library decides the type, the size and where a file goes
/// (`Evidence`); this file parses and serves.
extension PortalRoutes {
    /// At most this many files in one report.
    static let maxFiles = 5
    /// A form field's largest value (a note is at most `TaskUpdates.maxTextBytes`).
    static let maxFieldBytes = 16 * 1024

    func registerEvidence(pages: RouterGroup<PortalContext>) {
        Evidence.clearIncoming(root: portal.settings.root, now: Date())
        pages.group()
            .add(middleware: RequireRole(roles: [.office, .unit]))
            .post("/tasks/:id/report") { request, context in try await formReport(request, context) }
        pages.get("/files/**") { request, context in try await evidenceFile(request, context) }
    }

    /// One multipart report: its fields and the files written to temporary files so far.
    final class Upload {
        var fields: [String: String] = [:]
        var files: [(name: String, temp: String)] = []
        var tooLarge: String?
        var tooLargeBytes = 0
        var part: (name: String, filename: String?)?
        var header: [String: String] = [:]
        var value: [UInt8] = []
        var out: FileHandle?
        var written = 0
        var failure: PortalError?

        func removeTemporaries() {
            try? out?.close()
            for f in files { unlink(f.temp) }
        }
    }

    /// `POST /tasks/ID/report` (multipart/form-data): the update form's fields and its files.
    func formReport(_ request: Request, _ context: PortalContext) async throws -> Response {
        let account = try context.requireIdentity()
        try CSRFMiddleware.checkOrigin(request)
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/form-data"),
            let boundary = Self.boundary(type)
        else { throw PortalError.bad("Biểu mẫu gửi lên không hợp lệ.", "The form sent is not valid.") }
        let root = portal.settings.root
        let snapshot = try await portal.snapshot()
        let task = try findTask(decoded(context, "id"), in: snapshot)
        let limit = snapshot.ledger.settings.evidenceLimit
        let incoming = root + "/" + Evidence.folder + "/.incoming"
        try? FileManager.default.createDirectory(atPath: incoming, withIntermediateDirectories: true)

        let upload = Upload()
        defer { upload.removeTemporaries() }
        let expected = context.csrf
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in upload.header[name.lowercased()] = value }
        parser.onBody = { buffer in
            guard upload.failure == nil else { return }
            if upload.part == nil {
                let disposition = upload.header["content-disposition"] ?? ""
                guard let name = Self.parameter("name", in: disposition) else {
                    upload.failure = .bad("Biểu mẫu gửi lên không hợp lệ.", "The form sent is not valid.")
                    return
                }
                upload.part = (name, Self.parameter("filename", in: disposition))
                if let filename = upload.part?.filename, !filename.isEmpty {
                    // No file reaches the disk before the form's CSRF token is known good.
                    guard let expected, let sent = upload.fields["csrf"], constantTimeEqual(sent, expected) else {
                        upload.failure = .csrf
                        return
                    }
                    guard upload.files.count < Self.maxFiles else {
                        upload.failure = .bad(
                            "Tối đa \(Self.maxFiles) tệp mỗi lần báo cáo.", "At most \(Self.maxFiles) files a report.")
                        return
                    }
                    let temp = incoming + "/" + UUID().uuidString
                    guard FileManager.default.createFile(atPath: temp, contents: nil),
                        let h = FileHandle(forWritingAtPath: temp)
                    else {
                        upload.failure = PortalError(
                            .internalServerError, "io", "Không lưu được tệp.", "Could not store the file.")
                        return
                    }
                    upload.files.append((filename, temp))
                    upload.out = h
                    upload.written = 0
                }
            }
            if let out = upload.out {
                upload.written += buffer.readableBytes
                // Past the limit: the rest is read and dropped, and the report refused below.
                if upload.written > limit {
                    if upload.tooLarge == nil || upload.tooLarge == upload.part?.filename {
                        upload.tooLarge = upload.part?.filename
                        upload.tooLargeBytes = upload.written
                    }
                    return
                }
                if let bytes = buffer.readBytes(length: buffer.readableBytes) { out.write(Data(bytes)) }
            } else {
                upload.value += buffer.readableBytesView
                if upload.value.count > Self.maxFieldBytes { upload.failure = .tooLarge }
            }
        }
        parser.onPartComplete = {
            if upload.part == nil, let name = Self.parameter("name", in: upload.header["content-disposition"] ?? "") {
                // A part with an empty body: an empty field, or a file input left empty.
                upload.part = (name, Self.parameter("filename", in: upload.header["content-disposition"] ?? ""))
            }
            if let out = upload.out {
                try? out.close()
                upload.out = nil
            } else if let part = upload.part, part.filename == nil || part.filename == "" {
                if part.filename == nil { upload.fields[part.name] = String(decoding: upload.value, as: UTF8.self) }
            }
            upload.part = nil
            upload.header = [:]
            upload.value = []
        }
        // The whole body is read (a refusal still answers with the form), up to the files'
        // limits and a margin; past that the request is too large.
        let cap = limit * Self.maxFiles + 1_048_576
        var total = 0
        do {
            for try await chunk in request.body {
                total += chunk.readableBytes
                if total > cap { throw PortalError.tooLarge }
                try parser.execute(chunk)
            }
        } catch let e as PortalError {
            throw e
        } catch {
            throw PortalError.bad("Biểu mẫu gửi lên không hợp lệ.", "The form sent is not valid.")
        }
        guard let expected, let sent = upload.fields["csrf"], constantTimeEqual(sent, expected) else {
            throw PortalError.csrf
        }
        if let failure = upload.failure { throw failure }
        let f = upload.fields
        let form = UpdateForm(
            status: f["status"], note: f["note"], date: f["date"], document: f["document"], due: f["due"],
            reminder: f["reminder"], reopen: f["reopen"], by: f["by"], back: f["back"], part: f["part"])
        let r = UpdateRequest(
            status: form.status, note: form.note, date: form.date, document: form.document, due: form.due,
            reminder: form.reminder == "true" ? true : nil, reopen: form.reopen == "true" ? true : nil,
            by: form.by, part: form.part == "true" ? true : nil)
        do {
            if let name = upload.tooLarge {
                throw FollowupError(
                    .evidenceTooLarge(TextWidth.sanitize(name), bytes: upload.tooLargeBytes, limit: limit))
            }
            // Who may write, and what, before any file is kept.
            _ = try PortalWrites.admit(r, account: account, task: task, today: portal.settings.today())
            var stored: [String] = []
            for file in upload.files {
                let path = try await offload { () throws(FollowupError) in
                    try Evidence.store(
                        file.temp, name: file.name, meetingID: task.meetingID, taskID: task.id, root: root, limit: limit
                    )
                }
                if !stored.contains(path) { stored.append(path) }
            }
            _ = try await write(r, account: account, taskName: task.id, files: stored)
        } catch let e as PortalError where e.status == .badRequest || e.status == .conflict || e.status == .forbidden {
            return try await taskPage(request, context, refused: (form, e))
        } catch let e as FollowupError {
            return try await taskPage(request, context, refused: (form, .from(e)))
        }
        return saved(task, back: form.back)
    }

    /// The boundary of a `multipart/form-data; boundary=…` content type.
    static func boundary(_ contentType: String) -> String? {
        guard let b = parameter("boundary", in: contentType), !b.isEmpty, b.utf8.count <= 200 else { return nil }
        return b
    }

    /// A parameter of a header value (`name="x"`, `filename="y"`, `boundary=z`), unquoted.
    static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let kv = piece.split(separator: "=", maxSplits: 1)
            guard kv.count == 2, kv[0].trimmingCharacters(in: .whitespaces).lowercased() == key else { continue }
            var v = kv[1].trimmingCharacters(in: .whitespaces)
            if v.hasPrefix("\""), v.hasSuffix("\""), v.count >= 2 { v = String(v.dropFirst().dropLast()) }
            return v.replacingOccurrences(of: "\\\"", with: "\"")
        }
        return nil
    }

    /// `GET /files/…`: a stored evidence file, to logged-in accounts only, as an attachment
    /// (`nosniff`: the browser never renders it as a page), its path checked to stay inside the
    /// root's `files/`.
    func evidenceFile(_ request: Request, _ context: PortalContext) async throws -> Response {
        _ = try context.requireIdentity()
        let parts = context.parameters.getCatchAll().map { s in String(s).removingPercentEncoding ?? String(s) }
        let relative = ([Evidence.folder] + parts).joined(separator: "/")
        guard Evidence.isEvidencePath(relative) else { throw PortalError.notFound(relative) }
        let root = portal.settings.root
        guard
            let realRoot = realpath(root, nil).map({ p -> String in
                defer { free(p) }
                return String(cString: p)
            }),
            let real = realpath(root + "/" + relative, nil).map({ p -> String in
                defer { free(p) }
                return String(cString: p)
            }),
            real.hasPrefix(realRoot + "/" + Evidence.folder + "/")
        else { throw PortalError.notFound(relative) }
        var st = stat()
        guard lstat(real, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG,
            let data = FileManager.default.contents(atPath: real)
        else { throw PortalError.notFound(relative) }
        let name = parts.last ?? "tep"
        let kind = EvidenceKind(rawValue: (name as NSString).pathExtension.lowercased())
        var r = Responses.bytes([UInt8](data), type: kind?.mediaType ?? "application/octet-stream")
        r.headers[.contentDisposition] = "attachment; filename=\"\(name)\""
        r.headers[.init("X-Content-Type-Options")!] = "nosniff"
        return r
    }
}
