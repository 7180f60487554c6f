import FollowupSupport

/// What sending mail tells a person, in both languages (one factory per meaning).
extension Message {
    public static var smtpNotConfigured: Message {
        Message("smtpNotConfigured") { lang in
            lang.pick(
                "chưa cấu hình máy chủ thư: đặt FOLLOWUP_SMTP_HOST (và FROM, USER, PASSWORD) trong môi trường "
                    + "hoặc trong tệp --smtp-config; xem Docs/Notices.md",
                "no mail server configured: set FOLLOWUP_SMTP_HOST (and FROM, USER, PASSWORD) in the environment "
                    + "or in the --smtp-config file; see Docs/Notices.md")
        }
    }

    public static func smtpConfigUnreadable(_ path: String) -> Message {
        Message("smtpConfigUnreadable") { lang in
            lang.pick("không đọc được tệp cấu hình thư \(path)", "cannot read the mail settings file \(path)")
        }
    }

    public static var smtpConfigLine: Message {
        Message("smtpConfigLine") { lang in
            lang.pick("dòng không đúng dạng TÊN=giá trị", "a line not of the form NAME=value")
        }
    }

    public static func smtpConfigUnknown(_ name: String, known: [String]) -> Message {
        Message("smtpConfigUnknown") { lang in
            lang.pick("không có thiết lập \(name); có: ", "no setting \(name); known: ") + known.joined(separator: ", ")
        }
    }

    public static func smtpConfigValue(_ name: String, _ value: String, expected: String) -> Message {
        Message("smtpConfigValue") { lang in
            lang.pick(
                "giá trị '\(value)' của \(name) không hợp lệ; cần: \(expected)",
                "'\(value)' is not a valid \(name); expected: \(expected)")
        }
    }

    public static func smtpConfigOpen(_ path: String) -> Message {
        Message("smtpConfigOpen") { lang in
            lang.pick(
                "tệp cấu hình thư có mật khẩu phải có quyền 0600 (chmod 600 \(path))",
                "a mail settings file with a password must have mode 0600 (chmod 600 \(path))")
        }
    }

    public static func smtpConfigInRecords(_ path: String) -> Message {
        Message("smtpConfigInRecords") { lang in
            lang.pick(
                "tệp cấu hình thư \(path) nằm trong thư mục biên bản; hãy để nó ngoài (git chia sẻ thư mục này)",
                "the mail settings file \(path) is inside the records folder; keep it outside (git shares that folder)")
        }
    }

    public static func smtpUnreachable(_ server: String, _ reason: String) -> Message {
        Message("smtpUnreachable") { lang in
            lang.pick(
                "không kết nối được máy chủ thư \(server): \(reason); thông báo chưa gửi, lần chạy sau sẽ gửi lại",
                "cannot connect to the mail server \(server): \(reason); the notice is not sent and will be tried again"
            )
        }
    }

    public static func smtpTimeout(_ server: String, seconds: Int64) -> Message {
        Message("smtpTimeout") { lang in
            lang.pick(
                "máy chủ thư \(server) không trả lời sau \(seconds) giây; thông báo chưa gửi, lần chạy sau sẽ gửi lại",
                "the mail server \(server) did not answer within \(seconds) s; "
                    + "the notice is not sent and will be tried again"
            )
        }
    }

    public static func smtpRefused(_ server: String, step: String, reply: String) -> Message {
        Message("smtpRefused") { lang in
            lang.pick(
                "máy chủ thư \(server) từ chối (\(step)): \(reply)",
                "the mail server \(server) refused (\(step)): \(reply)")
        }
    }

    public static func smtpNoStartTLS(_ server: String) -> Message {
        Message("smtpNoStartTLS") { lang in
            lang.pick(
                "máy chủ thư \(server) không hỗ trợ STARTTLS; đặt FOLLOWUP_SMTP_SECURITY=tls hoặc none nếu đúng là vậy",
                "the mail server \(server) does not offer STARTTLS; "
                    + "set FOLLOWUP_SMTP_SECURITY=tls or none if that is right"
            )
        }
    }

    public static func smtpTLS(_ server: String, _ reason: String) -> Message {
        Message("smtpTLS") { lang in
            lang.pick(
                "không thiết lập được kết nối mã hóa (TLS) với \(server): \(reason)",
                "cannot set up an encrypted (TLS) connection with \(server): \(reason)")
        }
    }

    public static func smtpPlainAuth(_ server: String) -> Message {
        Message("smtpPlainAuth") { lang in
            lang.pick(
                "không gửi mật khẩu qua kết nối không mã hóa tới \(server); "
                    + "dùng FOLLOWUP_SMTP_SECURITY=starttls hoặc tls",
                "will not send a password over an unencrypted connection to \(server); "
                    + "use FOLLOWUP_SMTP_SECURITY=starttls or tls"
            )
        }
    }

    public static func smtpBadReply(_ server: String) -> Message {
        Message("smtpBadReply") { lang in
            lang.pick(
                "máy chủ thư \(server) trả lời không đúng giao thức SMTP",
                "the mail server \(server) does not speak SMTP")
        }
    }
}
