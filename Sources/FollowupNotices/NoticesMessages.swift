import FollowupSupport

/// What the notices tell a person, in both languages (one factory per meaning).
extension Message {
    public static func noticeLogUnreadable(_ path: String) -> Message {
        Message("noticeLogUnreadable") { lang in
            lang.pick("không đọc được sổ thông báo đã gửi \(path)", "cannot read the record of notices sent \(path)")
        }
    }

    public static func noticeLogUnwritable(_ path: String, _ reason: String) -> Message {
        Message("noticeLogUnwritable") { lang in
            lang.pick(
                "không ghi được sổ thông báo đã gửi \(path): \(reason)",
                "cannot write the record of notices sent \(path): \(reason)")
        }
    }

    public static func noticeLogBusy(_ path: String) -> Message {
        Message("noticeLogBusy") { lang in
            lang.pick(
                "một lượt gửi thông báo khác đang giữ \(path) quá lâu; thử lại sau",
                "another run of the notices holds \(path) too long; try again later")
        }
    }
}
