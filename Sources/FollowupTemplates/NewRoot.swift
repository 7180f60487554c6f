import FollowupLoading
import FollowupModel
import FollowupStorage
import FollowupSupport
import FollowupTracking
import FollowupYAML

/// The files `followup init` lays out for a new office: a units registry to edit, the
/// settings with every key explained, the four templates, and a `.gitignore` for the lock
/// and temporary files writes leave beside records.
public enum NewRoot {
    public static func files() -> [(path: String, text: String)] {
        [("units.yaml", units), ("settings.yaml", settings), (".gitignore", gitignore)]
            + BuiltinTemplates.all.map { ("templates/\($0.name).yaml", $0.text) }
    }

    /// The units of a commune People's Committee after the 2025 reform, to edit.
    package static let units = """
        # Danh mục đơn vị thực hiện kết luận (sửa cho đúng với cơ quan mình).
        # Mỗi đơn vị: mã (code, dùng trong mã nhiệm vụ), tên đầy đủ (name) và các tên hay
        # dùng (aliases). Trong biên bản có thể ghi mã, tên đầy đủ hoặc tên khác.
        # Thư thông báo (followup notify) gửi tới hộp thư công vụ của đơn vị: email: (một
        # địa chỉ hoặc danh sách), ví dụ email: vanphong@xa.gov.vn
        # Xem Docs/MeetingFormat.md, mục units.yaml.
        units:
          - code: VP
            name: Văn phòng HĐND và UBND
            aliases: [Văn phòng UBND]
          - code: KT
            name: Phòng Kinh tế
          - code: VHXH
            name: Phòng Văn hóa - Xã hội
          - code: HCC
            name: Trung tâm Phục vụ hành chính công
          - code: CA
            name: Công an
          - code: QS
            name: Ban Chỉ huy quân sự

        """

    package static let settings = """
        # Thiết lập của cơ quan (mọi khóa đều không bắt buộc). \
        Bỏ dấu # ở đầu dòng để dùng.
        # organization: Ủy ban nhân dân xã ...       # tên cơ quan, in ở đầu báo cáo
        # superior: Ủy ban nhân dân tỉnh ...         # cơ quan cấp trên, in phía trên tên cơ quan
        # place: ...                                 # địa danh ở dòng "..., ngày ... tháng ... năm ..."
        # reports_to: Văn phòng HĐND và UBND xã ...  # nơi đơn vị báo cáo kết quả (thư đôn đốc)
        review: true                                 # Văn phòng xác nhận hoặc trả lại báo cáo hoàn thành của đơn vị

        # Văn bản hành chính (NĐ 30/2020/NĐ-CP); xem Docs/Documents.md.
        # office: VP                                 # mã đơn vị của Văn phòng: \
        không tự gửi thư đôn đốc cho mình
        # codes:                                     # ký hiệu văn bản; {{so}} là chỗ của số (--number)
        #   report: "{{so}}/BC-UBND"                 # báo cáo tình hình thực hiện
        #   letter: "{{so}}/UBND-VP"                 # công văn đôn đốc
        #   notice: "{{so}}/TB-UBND"                 # thông báo kết luận
        # signer:
        #   authority: TM.                           # TM. / KT. / TL. / TUQ. / Q.
        #   behalf: Ủy ban nhân dân                  # thay mặt ai
        #   title: Chủ tịch
        #   name: ...
        # recipients:                                # nơi nhận thường xuyên: cấp trên trước, rồi lãnh đạo UBND
        #   - ...
        # letter:                                    # riêng cho công văn đôn đốc (cũng có report:, notice:)
        #   signer:                                  # người ký công văn đôn đốc, thay cho signer ở trên
        #     authority: TL.
        #     behalf: Chủ tịch
        #     title: Chánh Văn phòng
        #     name: ...
        #   recipients:                              # nơi nhận của công văn (sau "Như trên")
        #   - ...

        # Cuộc họp mới (followup new): người chủ trì và phòng họp thường dùng; không có thì
        # biên bản ghi TODO để điền (followup check nhắc).
        # chair: ..., Chủ tịch UBND xã ...           # họ tên, chức vụ
        # room: Phòng họp UBND xã ...

        # Thư thông báo (followup notify; xem Docs/Notices.md).
        # notices:
        #   portal: https://theodoi.xa.gov.vn        # địa chỉ cổng thông tin, cho đường dẫn trong thư
        #   due_in_days: 3                           # báo trước hạn bao nhiêu ngày
        #   digest_weekday: 1                        # ngày gửi tổng hợp tuần cho lãnh đạo: 1 thứ Hai … 7 Chủ nhật
        #   lookback_days: 7                         # không báo sự việc cũ hơn số ngày này

        """

    package static let gitignore = """
        # Tệp khóa và tệp tạm mà followup để cạnh biên bản khi ghi
        .*.lock
        .*.tmp-*
        # Sổ thông báo đã gửi (followup notify), riêng của máy gửi
        .followup/

        """
}
