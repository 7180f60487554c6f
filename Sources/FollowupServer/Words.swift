import FollowupKit

/// The portal's words, in the page's language (the templates take them as `words.*`).
enum Words {
    static func table(_ lang: Language) -> [String: String] {
        var t: [String: String] = [:]
        for (key, vi, en) in pairs { t[key] = lang.pick(vi, en) }
        return t
    }

    static let pairs: [(String, String, String)] = [
        ("app", "Theo dõi kết luận", "Follow-up"),
        ("login", "Đăng nhập", "Log in"), ("logout", "Đăng xuất", "Log out"),
        ("account", "Tài khoản", "Account"), ("password", "Mật khẩu", "Password"),
        ("asOf", "Số liệu tính đến ngày", "Figures as of"), ("show", "Xem", "Show"),
        ("unit", "Đơn vị", "Unit"), ("tasks", "Số nhiệm vụ", "Tasks"),
        ("doneOnTime", "Hoàn thành đúng hạn", "Done on time"),
        ("doneLate", "Hoàn thành quá hạn", "Done late"),
        ("withinDeadline", "Chưa hoàn thành, trong hạn", "Not done, within deadline"),
        ("overdue", "Chưa hoàn thành, quá hạn", "Not done, overdue"), ("ongoing", "Thường xuyên", "Ongoing"),
        ("notStarted", "Chưa thực hiện", "Not started"), ("blocked", "Vướng mắc", "Blocked"),
        ("doneShare", "Tỷ lệ hoàn thành", "Share done"),
        ("all", "Xem tất cả", "See all"), ("task", "Nhiệm vụ", "Task"),
        ("deadline", "Thời hạn", "Deadline"),
        ("originally", "ban đầu", "originally"), ("state", "Tình trạng", "State"),
        ("lastReport", "Báo cáo gần nhất", "Last report"),
        ("conclusion", "Nội dung kết luận", "Conclusion"),
        ("none", "Không có.", "None."), ("previous", "Trang trước", "Previous"), ("next", "Trang sau", "Next"),
        ("dashboard", "Trang tổng hợp", "Dashboard"), ("status", "Trạng thái", "Status"),
        ("newDeadline", "Hạn mới", "New deadline"), ("note", "Ghi chú", "Note"), ("date", "Ngày", "Date"),
        ("document", "Số văn bản", "Document"),
        ("files", "Tệp minh chứng (PDF, Word, Excel, ODT, ảnh)", "Evidence files (PDF, Word, Excel, ODT, images)"),
        ("by", "Đơn vị báo cáo", "Reported by"),
        ("reopen", "Mở lại (sau khi đã hoàn thành/hủy)", "Reopen (after done/cancelled)"),
        ("send", "Gửi", "Send"), ("meeting", "Cuộc họp", "Meeting"),
        ("lead", "Đơn vị chủ trì", "Lead unit"),
        ("support", "Đơn vị phối hợp", "Supporting units"),
        (
            "originalDeadline", "Thời hạn ban đầu",
            "Original deadline"
        ),
        ("history", "Quá trình thực hiện", "History"),
        ("noHistory", "Chưa có báo cáo nào.", "No reports yet."),
        ("chair", "Chủ trì", "Chair"), ("place", "Địa điểm", "Place"),
        ("attendees", "Thành phần", "Attendees"),
        ("conclusions", "Kết luận", "Conclusions"),
        ("worstUnits", "Đơn vị nhiều nhiệm vụ quá hạn nhất", "Units with the most overdue"),
        ("oldestOverdue", "Quá hạn lâu nhất", "Overdue the longest"), ("byUnit", "Theo đơn vị", "By unit"),
        ("onTimeRate", "Tỷ lệ đúng hạn", "On-time rate"),
        ("changePassword", "Đổi mật khẩu", "Change the password"),
        ("allUnits", "Tất cả đơn vị", "All units"), ("yourUnit", "Trang của đơn vị", "Your unit's page"),
        ("search", "Tìm trong nội dung", "Search the text"),
        ("allStates", "Mọi tình trạng", "Any state"), ("allChairs", "Mọi người chủ trì", "Anyone"),
        ("meetingDates", "Ngày họp", "Meeting date"), ("from", "từ", "from"), ("to", "đến", "to"),
        ("clear", "Bỏ lọc", "Clear the filters"), ("filters", "Lọc, tìm kiếm", "Filter and search"),
        ("find", "Tìm nhiệm vụ", "Find tasks"),
        ("newMeeting", "Tạo cuộc họp mới", "New meeting"),
        ("importNotice", "Nhập thông báo kết luận", "Import a notice"),
        ("accounts", "Tài khoản", "Accounts"), ("awaitingReview", "Chờ xác nhận", "Awaiting review"),
        ("template", "Mẫu", "Template"), ("meetingTitle", "Tên cuộc họp", "Title"),
        ("meetingDay", "Ngày họp", "Meeting date"), ("noticeNumber", "Số thông báo", "Notice number"),
        ("moreRows", "Thêm 5 dòng", "Five more rows"), ("createMeeting", "Tạo cuộc họp", "Create the meeting"),
        (
            "importHelp", "Tải lên văn bản thông báo (.txt, .docx hoặc .pdf); xem và sửa bản nháp trước khi lưu.",
            "Upload the notice (.txt, .docx or .pdf); read and edit the draft before saving it."
        ),
        ("noticeFile", "Tệp thông báo", "The notice's file"),
        ("yearHint", "Ngày (cho năm của các ngày không ghi năm)", "Date (the year of dates written without one)"),
        ("read", "Đọc", "Read"), ("draft", "Bản nháp biên bản", "Draft record"),
        (
            "draftHelp", "Đối chiếu với văn bản, sửa các dòng “# kiểm tra:” rồi lưu.",
            "Compare with the notice, correct the lines marked “# kiểm tra:”, then save."
        ),
        ("record", "Biên bản", "Record"), ("saveRecord", "Lưu biên bản", "Save the record"),
        ("role", "Vai trò", "Role"), ("chairPerson", "Lãnh đạo là (họ tên người chủ trì)", "Leader's name (as chair)"),
        ("disable", "Khóa tài khoản", "Disabled"), ("disabledLabel", "đã khóa", "disabled"), ("save", "Lưu", "Save"),
        ("resetPassword", "Đặt lại mật khẩu", "Reset the password"), ("addAccount", "Thêm tài khoản", "Add an account"),
        ("accountName", "Tên tài khoản", "Account name"), ("add", "Thêm", "Add"),
        ("downloadXlsx", "Tải danh sách (Excel)", "Download the list (Excel)"),
        ("downloadLetter", "Tải công văn đôn đốc (Word)", "Download the reminder letter (Word)"),
        ("currentPassword", "Mật khẩu hiện tại", "Current password"),
        ("newPassword", "Mật khẩu mới (ít nhất 8 ký tự)", "New password (8 characters or more)"),
        ("repeatPassword", "Nhập lại mật khẩu mới", "The new password again"),
        (
            "gridNote",
            "Các tỷ lệ (%) tính trên số nhiệm vụ của đơn vị (không kể nhiệm vụ hủy); "
                + "tỷ lệ đúng hạn = hoàn thành đúng hạn / "
                + "(đã hoàn thành + chưa hoàn thành quá hạn), "
                + "như báo cáo in.",
            "Percentages are of the unit's tasks (cancelled ones left out); the on-time rate is done on time / "
                + "(done + overdue), as in the printed report."
        ),
    ]

    static func role(_ r: Role, _ lang: Language) -> String {
        switch r {
        case .office: return lang.pick("văn phòng", "office")
        case .unit: return lang.pick("đơn vị", "unit")
        case .leader: return lang.pick("lãnh đạo", "leader")
        }
    }
}
