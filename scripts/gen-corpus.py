#!/usr/bin/env python3
"""Generate a deterministic benchmark corpus of meeting records for `followup`.

    scripts/gen-corpus.py --count N --seed S --out DIR

writes DIR/units.yaml (42 Tân Kỳ district units), DIR/settings.yaml and N meeting
records DIR/YYYY/YYYY-MM-DD-slug-NNNNN.yaml (dates 2019..2026) in the format of
Docs/MeetingFormat.md. Record i (1-based) depends only on (seed, i): the corpus of
N=1000 is exactly the first 1000 records of the corpus of N=10000, byte for byte.

Every record is valid: units exist, conclusion deadlines are not before the meeting,
updates are in date order per task, never before the meeting, blocked/cancelled
entries and extensions carry a note, an extension is later than the deadline in
force, and no status changes after done/cancelled. Standard library only.
"""

import argparse
import datetime as dt
import os
import random
import re
import sys
import unicodedata

# --------------------------------------------------------------------------- units

DEPARTMENTS = [
    ("VP", "Văn phòng HĐND và UBND huyện", ["Văn phòng UBND huyện", "VP HĐND-UBND"]),
    ("NV", "Phòng Nội vụ", ["Phòng Nội vụ huyện"]),
    ("TCKH", "Phòng Tài chính - Kế hoạch", ["Phòng TC-KH"]),
    ("TP", "Phòng Tư pháp", []),
    ("VHTT", "Phòng Văn hóa và Thông tin", ["Phòng VH-TT"]),
    ("GDDT", "Phòng Giáo dục và Đào tạo", ["Phòng GD&ĐT"]),
    ("YT", "Phòng Y tế", []),
    ("LDTBXH", "Phòng Lao động - Thương binh và Xã hội", ["Phòng LĐ-TB&XH"]),
    ("NNPTNT", "Phòng Nông nghiệp và Phát triển nông thôn", ["Phòng NN&PTNT"]),
    ("TNMT", "Phòng Tài nguyên và Môi trường", ["Phòng TN&MT"]),
    ("KTHT", "Phòng Kinh tế và Hạ tầng", ["Phòng KT-HT"]),
    ("DT", "Phòng Dân tộc", []),
    ("TTR", "Thanh tra huyện", []),
    ("BQLDA", "Ban Quản lý dự án đầu tư xây dựng huyện", ["Ban QLDA"]),
    ("TTVHTT", "Trung tâm Văn hóa - Thể thao và Truyền thông huyện", ["Trung tâm VH-TT&TT"]),
    ("TTPTQD", "Trung tâm Phát triển quỹ đất huyện", []),
    ("CAH", "Công an huyện", []),
    ("BCHQS", "Ban Chỉ huy Quân sự huyện", []),
    ("CCT", "Chi cục Thuế khu vực Tân Kỳ - Nghĩa Đàn", ["Chi cục Thuế"]),
    ("BHXH", "Bảo hiểm xã hội huyện", []),
]

COMMUNES = [  # (code suffix, name); the town is TT-, the communes XA-
    ("TT-TANKY", "Thị trấn Tân Kỳ"),
    ("XA-DONGVAN", "Đồng Văn"), ("XA-GIAIXUAN", "Giai Xuân"), ("XA-HUONGSON", "Hương Sơn"),
    ("XA-KYSON", "Kỳ Sơn"), ("XA-KYTAN", "Kỳ Tân"), ("XA-NGHIABINH", "Nghĩa Bình"),
    ("XA-NGHIADUNG", "Nghĩa Dũng"), ("XA-NGHIADONG", "Nghĩa Đồng"), ("XA-NGHIAHANH", "Nghĩa Hành"),
    ("XA-NGHIAHOAN", "Nghĩa Hoàn"), ("XA-NGHIAHOP", "Nghĩa Hợp"), ("XA-NGHIAPHUC", "Nghĩa Phúc"),
    ("XA-NGHIATHAI", "Nghĩa Thái"), ("XA-PHUSON", "Phú Sơn"), ("XA-TANAN", "Tân An"),
    ("XA-TANHOP", "Tân Hợp"), ("XA-TANHUONG", "Tân Hương"), ("XA-TANLONG", "Tân Long"),
    ("XA-TANPHU", "Tân Phú"), ("XA-TANXUAN", "Tân Xuân"), ("XA-TIENKY", "Tiên Kỳ"),
]


def build_units():
    units = [(c, n, a) for c, n, a in DEPARTMENTS]
    for code, place in COMMUNES:
        if code.startswith("TT-"):
            units.append((code, "UBND thị trấn Tân Kỳ", ["Thị trấn Tân Kỳ"]))
        else:
            units.append((code, "UBND xã " + place, ["Xã " + place]))
    return units


UNITS = build_units()
UNIT_BY_CODE = {c: (c, n, a) for c, n, a in UNITS}
DEPT_CODES = [c for c, _, _ in DEPARTMENTS]
COMMUNE_CODES = [c for c, _ in COMMUNES]
CORE_DEPTS = ["VP", "NV", "TCKH", "TP", "VHTT", "GDDT", "YT", "LDTBXH", "NNPTNT", "TNMT", "KTHT"]

# --------------------------------------------------------------------------- text

CHAIRS = [
    "Phan Văn Giáp, Chủ tịch UBND huyện",
    "Hoàng Văn Thắng, Phó Chủ tịch UBND huyện",
    "Trần Quốc Thành, Phó Chủ tịch UBND huyện",
    "Nguyễn Hồng Sơn, Phó Chủ tịch UBND huyện",
    "Lê Thị Hoài Thu, Phó Chủ tịch UBND huyện",
    "Phạm Văn Hòa, Chủ tịch UBND huyện",
    "Đặng Xuân Trường, Phó Chủ tịch thường trực UBND huyện",
]

ATTENDEES = [
    "Các Phó Chủ tịch UBND huyện",
    "Thường trực HĐND huyện",
    "Đại diện Ủy ban MTTQ Việt Nam huyện",
    "Lãnh đạo Văn phòng HĐND và UBND huyện",
    "Lãnh đạo, chuyên viên các phòng, ban cấp huyện",
    "Trưởng phòng Tài chính - Kế hoạch",
    "Trưởng phòng Nội vụ",
    "Trưởng phòng Tài nguyên và Môi trường",
    "Trưởng phòng Kinh tế và Hạ tầng",
    "Trưởng phòng Nông nghiệp và Phát triển nông thôn",
    "Giám đốc Ban Quản lý dự án đầu tư xây dựng huyện",
    "Giám đốc Trung tâm Phát triển quỹ đất huyện",
    "Chánh Thanh tra huyện",
    "Trưởng Công an huyện",
    "Chỉ huy trưởng Ban Chỉ huy Quân sự huyện",
    "Chi cục trưởng Chi cục Thuế khu vực",
    "Chủ tịch UBND các xã, thị trấn",
    "Công chức Văn phòng - Thống kê các xã, thị trấn",
    "Đại diện các hội, đoàn thể cấp huyện",
    "Phóng viên Trung tâm Văn hóa - Thể thao và Truyền thông huyện",
    "Đại diện nhà thầu thi công",
    "Đại diện Đài Phát thanh - Truyền hình tỉnh",
]

LOCATIONS = [
    "Hội trường UBND huyện",
    "Phòng họp tầng 2, UBND huyện",
    "Phòng họp trực tuyến UBND huyện",
    "Hội trường Huyện ủy",
    "Trụ sở UBND xã",
]

# Each topic: slug, kinds, title templates, summary sentences, conclusions
# (text, lead candidates, fan-out group or None, support candidates).
TOPICS = [
    dict(
        slug="cchc", kinds=["hội nghị", "chuyên đề"],
        titles=["Hội nghị rà soát, đánh giá kết quả xếp hạng công tác cải cách hành chính năm {prev}",
                "Hội nghị triển khai nhiệm vụ cải cách hành chính năm {year}",
                "Họp chuyên đề về giải pháp nâng cao chỉ số cải cách hành chính (PAR Index) năm {year}"],
        summary=["Năm {prev} công tác cải cách hành chính của huyện tiếp tục được tăng cường, bộ máy hành chính hoạt động thông suốt và hiệu quả.",
                 "Tuy nhiên, việc cải cách hành chính ở một số nội dung, bộ phận chưa đạt yêu cầu, tác động đến việc chấm điểm chỉ số cải cách hành chính của huyện theo thang điểm của tỉnh.",
                 "Tỷ lệ hồ sơ thủ tục hành chính giải quyết trước và đúng hạn đạt khá, song vẫn còn hồ sơ trễ hạn ở lĩnh vực đất đai và xây dựng.",
                 "Thái độ, trách nhiệm phục vụ của một bộ phận cán bộ trực bộ phận một cửa chưa được người dân đánh giá cao."],
        conclusions=[
            ("Các cơ quan, đơn vị xác định cải cách hành chính là nhiệm vụ chính trị trọng tâm, xuyên suốt; tăng cường đổi mới, sáng tạo trong chỉ đạo, điều hành", None, "depts", []),
            ("Rà soát lại cơ sở vật chất của bộ phận một cửa, kịp thời khắc phục, sửa chữa các thiết bị hỏng hóc", ["VP"], None, ["TCKH"]),
            ("Nâng cao thái độ, trách nhiệm, đạo đức công vụ của cán bộ trực bộ phận một cửa đối với nhân dân", ["VP", "NV"], None, []),
            ("Rút ngắn thời gian giải quyết thủ tục hành chính; công khai xin lỗi người dân đối với hồ sơ trễ hạn", None, "communes", ["VP"]),
            ("Tăng cường kiểm tra, thanh tra việc chấp hành kỷ luật, kỷ cương hành chính tại các cơ quan, đơn vị", ["NV", "TTR"], None, ["VP"]),
            ("Xây dựng kế hoạch khắc phục các chỉ số thành phần bị trừ điểm, phân công cụ thể cho từng cơ quan", ["NV"], None, ["VP", "TP"]),
        ]),
    dict(
        slug="ntm", kinds=["hội nghị", "làm việc"],
        titles=["Hội nghị đánh giá tiến độ xây dựng nông thôn mới năm {year}",
                "Làm việc với các xã về lộ trình đạt chuẩn nông thôn mới nâng cao giai đoạn 2021-2025",
                "Họp Ban Chỉ đạo các chương trình mục tiêu quốc gia huyện quý {q} năm {year}"],
        summary=["Đến nay toàn huyện có nhiều xã đạt chuẩn nông thôn mới, một số xã đang phấn đấu đạt chuẩn nông thôn mới nâng cao.",
                 "Phong trào hiến đất làm đường giao thông nông thôn được nhân dân hưởng ứng, nhiều tuyến đường được bê tông hóa.",
                 "Một số tiêu chí như thu nhập, môi trường, hộ nghèo đa chiều còn khó khăn, nguy cơ không đạt theo kế hoạch.",
                 "Nguồn vốn đối ứng của ngân sách xã còn hạn chế, việc huy động xã hội hóa chưa đạt yêu cầu."],
        conclusions=[
            ("Rà soát, đánh giá thực trạng từng tiêu chí nông thôn mới, xây dựng lộ trình cụ thể, báo cáo UBND huyện", None, "communes", ["NNPTNT"]),
            ("Tham mưu bố trí nguồn vốn đối ứng cho các xã đăng ký về đích nông thôn mới trong năm", ["TCKH"], None, ["NNPTNT"]),
            ("Hướng dẫn các xã hoàn thiện hồ sơ đề nghị xét, công nhận xã đạt chuẩn nông thôn mới", ["NNPTNT"], None, ["VP"]),
            ("Đẩy mạnh phát triển sản phẩm OCOP, hỗ trợ các chủ thể hoàn thiện hồ sơ đánh giá, phân hạng sản phẩm", ["NNPTNT", "KTHT"], None, ["TTVHTT"]),
            ("Chỉ đạo ra quân làm đường giao thông, kênh mương nội đồng; vận động nhân dân hiến đất, tài sản trên đất", None, "communes", ["KTHT"]),
        ]),
    dict(
        slug="gpmb", kinds=["làm việc", "chuyên đề"],
        titles=["Làm việc về công tác giải phóng mặt bằng dự án đường giao thông nối Quốc lộ 48 đến đường Hồ Chí Minh",
                "Họp giải quyết vướng mắc giải phóng mặt bằng các dự án trọng điểm trên địa bàn huyện năm {year}",
                "Họp Hội đồng bồi thường, hỗ trợ và tái định cư dự án cụm công nghiệp Nghĩa Đồng"],
        summary=["Công tác giải phóng mặt bằng các dự án trọng điểm cơ bản đạt tiến độ, tuy nhiên vẫn còn một số hộ chưa nhận tiền bồi thường.",
                 "Nguyên nhân chủ yếu là việc xác định nguồn gốc đất, đơn giá bồi thường tài sản trên đất còn có ý kiến khác nhau.",
                 "Một số hộ dân có đơn kiến nghị về diện tích thu hồi và vị trí bố trí tái định cư.",
                 "Nhà thầu đã tập kết máy móc, vật tư nhưng chưa có mặt bằng sạch để thi công đồng bộ."],
        conclusions=[
            ("Hoàn thành kiểm đếm, lập phương án bồi thường, hỗ trợ đối với các hộ còn lại, trình thẩm định", ["TTPTQD"], None, ["TNMT", "XA-NGHIADONG"]),
            ("Xác định nguồn gốc đất, thời điểm sử dụng đất của các hộ có kiến nghị, báo cáo bằng văn bản", ["TNMT"], None, ["TTPTQD"]),
            ("Tổ chức đối thoại với các hộ dân chưa đồng thuận, vận động bàn giao mặt bằng", None, "communes2", ["TTPTQD", "TP"]),
            ("Đôn đốc nhà thầu tăng cường nhân lực, thiết bị, thi công ngay trên phần mặt bằng đã bàn giao", ["BQLDA"], None, ["KTHT"]),
            ("Thẩm định giá đất cụ thể làm căn cứ tính tiền bồi thường, trình UBND huyện phê duyệt", ["TCKH"], None, ["TNMT", "TTPTQD"]),
        ]),
    dict(
        slug="dtc", kinds=["hội nghị", "giao ban"],
        titles=["Hội nghị đánh giá tình hình giải ngân vốn đầu tư công năm {year}",
                "Họp đôn đốc tiến độ thực hiện và giải ngân kế hoạch vốn đầu tư công năm {year}"],
        summary=["Tỷ lệ giải ngân vốn đầu tư công của huyện đến nay còn thấp so với kế hoạch tỉnh giao.",
                 "Một số dự án chậm hoàn thiện thủ tục đầu tư, chậm thanh quyết toán, ảnh hưởng đến tiến độ giải ngân chung.",
                 "Các chủ đầu tư đã có nhiều cố gắng, song công tác phối hợp giữa các cơ quan chuyên môn chưa thật chặt chẽ."],
        conclusions=[
            ("Rà soát từng dự án, lập kế hoạch giải ngân chi tiết theo tháng, cam kết tiến độ với UBND huyện", ["BQLDA"], None, ["TCKH"]),
            ("Tham mưu điều chuyển vốn từ các dự án chậm giải ngân sang dự án có khối lượng hoàn thành", ["TCKH"], None, ["BQLDA"]),
            ("Đẩy nhanh thẩm định hồ sơ thiết kế, dự toán các công trình khởi công mới", ["KTHT"], None, ["TCKH"]),
            ("Hoàn thiện hồ sơ thanh, quyết toán các công trình đã hoàn thành, bàn giao đưa vào sử dụng", None, "communes", ["TCKH"]),
        ]),
    dict(
        slug="thu-ngan-sach", kinds=["hội nghị", "chuyên đề"],
        titles=["Hội nghị triển khai nhiệm vụ thu ngân sách nhà nước năm {year}",
                "Họp Ban Chỉ đạo chống thất thu ngân sách huyện quý {q} năm {year}"],
        summary=["Thu ngân sách trên địa bàn đạt khá so với dự toán, trong đó thu tiền sử dụng đất chiếm tỷ trọng lớn.",
                 "Nợ đọng thuế còn cao, một số doanh nghiệp khai thác khoáng sản chưa kê khai, nộp thuế đầy đủ.",
                 "Công tác đấu giá quyền sử dụng đất còn chậm so với kế hoạch đề ra."],
        conclusions=[
            ("Rà soát, phân loại nợ thuế, áp dụng các biện pháp cưỡng chế nợ thuế theo quy định", ["CCT"], None, ["TCKH"]),
            ("Đẩy nhanh tiến độ đấu giá quyền sử dụng đất các khu quy hoạch dân cư đã có mặt bằng", ["TTPTQD"], None, ["TNMT", "TCKH"]),
            ("Phối hợp thu thuế đối với hoạt động kinh doanh vận tải, xây dựng tư nhân trên địa bàn", None, "communes", ["CCT"]),
            ("Tham mưu phân bổ dự toán, điều hành chi ngân sách tiết kiệm, hiệu quả", ["TCKH"], None, []),
        ]),
    dict(
        slug="thien-tai", kinds=["hội nghị"],
        titles=["Hội nghị tổng kết công tác phòng chống thiên tai và tìm kiếm cứu nạn năm {prev}, triển khai nhiệm vụ năm {year}",
                "Họp Ban Chỉ huy phòng chống thiên tai và tìm kiếm cứu nạn huyện ứng phó mưa lũ"],
        summary=["Mùa mưa bão năm qua trên địa bàn xảy ra nhiều đợt mưa lớn gây ngập úng cục bộ, sạt lở taluy một số tuyến đường.",
                 "Các lực lượng đã chủ động triển khai phương án bốn tại chỗ, di dời kịp thời các hộ dân vùng nguy hiểm.",
                 "Một số hồ đập xuống cấp, tràn xả lũ chưa đảm bảo an toàn khi có mưa lớn kéo dài."],
        conclusions=[
            ("Kiểm tra, rà soát các hồ đập xung yếu, xây dựng phương án bảo đảm an toàn trước mùa mưa bão", ["NNPTNT"], None, ["BCHQS"]),
            ("Chuẩn bị lực lượng, phương tiện, vật tư theo phương châm bốn tại chỗ", None, "communes", ["BCHQS"]),
            ("Khắc phục sạt lở các tuyến đường giao thông, bảo đảm thông suốt", ["KTHT"], None, ["BQLDA"]),
            ("Tham mưu kinh phí hỗ trợ các hộ dân bị thiệt hại do thiên tai", ["TCKH"], None, ["LDTBXH"]),
        ]),
    dict(
        slug="phong-dich", kinds=["hội nghị", "chuyên đề"],
        titles=["Họp Ban Chỉ đạo phòng, chống dịch bệnh huyện",
                "Hội nghị triển khai các giải pháp phòng, chống dịch tả lợn châu Phi năm {year}",
                "Họp triển khai chiến dịch tiêm chủng mở rộng năm {year}"],
        summary=["Tình hình dịch bệnh trên địa bàn cơ bản được kiểm soát, song nguy cơ lây lan còn cao.",
                 "Công tác tiêm phòng cho đàn gia súc, gia cầm đạt tỷ lệ thấp ở một số xã vùng cao.",
                 "Việc kiểm soát vận chuyển, giết mổ động vật chưa chặt chẽ."],
        conclusions=[
            ("Tổ chức tiêm phòng bổ sung cho đàn vật nuôi, bảo đảm tỷ lệ tiêm phòng theo yêu cầu", None, "communes", ["NNPTNT"]),
            ("Thành lập các chốt kiểm dịch động vật tạm thời tại các đầu mối giao thông", ["NNPTNT"], None, ["CAH"]),
            ("Tuyên truyền sâu rộng các biện pháp phòng bệnh trên hệ thống truyền thanh cơ sở", ["TTVHTT"], None, ["VHTT"]),
            ("Chuẩn bị đủ vật tư, hóa chất, cơ số thuốc phục vụ công tác phòng chống dịch", ["YT"], None, ["TCKH"]),
        ]),
    dict(
        slug="giao-ban", kinds=["giao ban"],
        titles=["Giao ban UBND huyện tháng {month} năm {year}",
                "Giao ban Thường trực UBND huyện tuần {week} năm {year}",
                "Hội nghị giao ban trực tuyến với các xã, thị trấn tháng {month} năm {year}"],
        summary=["Trong tháng, tình hình kinh tế - xã hội trên địa bàn huyện tiếp tục ổn định, một số chỉ tiêu đạt khá.",
                 "Sản xuất nông nghiệp cơ bản thuận lợi, công tác chăm sóc cây trồng được quan tâm.",
                 "Một số nhiệm vụ UBND huyện giao còn chậm tiến độ, việc báo cáo của các đơn vị chưa đúng thời gian quy định.",
                 "Quốc phòng, an ninh được giữ vững, trật tự an toàn xã hội được bảo đảm."],
        conclusions=[
            ("Tập trung hoàn thành các nhiệm vụ UBND huyện giao còn tồn đọng, báo cáo kết quả về Văn phòng", None, "depts", ["VP"]),
            ("Tổng hợp, đánh giá tình hình thực hiện các chỉ tiêu kinh tế - xã hội, tham mưu giải pháp cho các tháng cuối năm", ["TCKH"], None, ["VP"]),
            ("Chỉ đạo thu hoạch vụ hè thu, chuẩn bị các điều kiện sản xuất vụ đông", None, "communes", ["NNPTNT"]),
            ("Theo dõi, đôn đốc việc thực hiện các kết luận của Chủ tịch UBND huyện", ["VP"], None, []),
            ("Giải quyết dứt điểm các đơn thư tồn đọng, kéo dài", ["TTR"], None, ["TNMT"]),
        ]),
    dict(
        slug="dat-dai", kinds=["chuyên đề", "làm việc"],
        titles=["Họp chuyên đề về công tác quản lý đất đai, cấp giấy chứng nhận quyền sử dụng đất năm {year}",
                "Làm việc về xử lý vi phạm đất đai, trật tự xây dựng trên địa bàn thị trấn Tân Kỳ"],
        summary=["Tỷ lệ cấp giấy chứng nhận quyền sử dụng đất lần đầu còn thấp, tồn đọng nhiều hồ sơ chưa đủ điều kiện.",
                 "Tình trạng lấn chiếm đất công, xây dựng trái phép tại một số tuyến đường chưa được xử lý dứt điểm.",
                 "Việc cập nhật, chỉnh lý biến động đất đai chưa kịp thời."],
        conclusions=[
            ("Rà soát toàn bộ hồ sơ cấp giấy chứng nhận tồn đọng, phân loại nguyên nhân, đề xuất hướng xử lý", ["TNMT"], None, ["TP"]),
            ("Kiểm tra, lập biên bản, xử lý dứt điểm các trường hợp lấn chiếm đất công, xây dựng trái phép", None, "communes", ["TNMT", "KTHT"]),
            ("Cập nhật, chỉnh lý hồ sơ địa chính, cơ sở dữ liệu đất đai", ["TNMT"], None, []),
            ("Thẩm định các trường hợp vi phạm phức tạp, tham mưu văn bản xử lý theo thẩm quyền", ["TP"], None, ["TTR"]),
        ]),
    dict(
        slug="nam-hoc", kinds=["hội nghị"],
        titles=["Hội nghị triển khai nhiệm vụ năm học {school}-{school_next}",
                "Họp về công tác xây dựng trường chuẩn quốc gia năm {year}"],
        summary=["Năm học vừa qua ngành giáo dục huyện đạt nhiều kết quả, chất lượng giáo dục mũi nhọn có chuyển biến.",
                 "Cơ sở vật chất một số trường còn thiếu, xuống cấp; thiếu giáo viên ở một số bộ môn.",
                 "Một số trường chuẩn quốc gia đến hạn công nhận lại nhưng chưa đủ điều kiện."],
        conclusions=[
            ("Rà soát, sắp xếp đội ngũ giáo viên, tham mưu tuyển dụng bổ sung giáo viên còn thiếu", ["GDDT"], None, ["NV"]),
            ("Bố trí kinh phí sửa chữa phòng học, mua sắm thiết bị dạy học trước khai giảng", ["TCKH"], None, ["GDDT"]),
            ("Huy động nguồn lực xây dựng trường đạt chuẩn quốc gia theo lộ trình", None, "communes", ["GDDT"]),
            ("Bảo đảm an ninh trật tự, an toàn giao thông khu vực trường học", ["CAH"], None, ["GDDT"]),
        ]),
    dict(
        slug="chuyen-doi-so", kinds=["chuyên đề", "hội nghị"],
        titles=["Họp Ban Chỉ đạo chuyển đổi số huyện năm {year}",
                "Hội nghị triển khai Đề án 06 về phát triển ứng dụng dữ liệu dân cư, định danh và xác thực điện tử"],
        summary=["Hạ tầng công nghệ thông tin của huyện từng bước được đầu tư, tỷ lệ hồ sơ trực tuyến tăng.",
                 "Tỷ lệ thanh toán trực tuyến và hồ sơ dịch vụ công trực tuyến toàn trình còn thấp.",
                 "Việc làm sạch dữ liệu dân cư, kích hoạt tài khoản định danh điện tử còn chậm ở một số xã."],
        conclusions=[
            ("Đẩy mạnh tiếp nhận, giải quyết hồ sơ dịch vụ công trực tuyến toàn trình", None, "communes", ["VP"]),
            ("Rà soát, làm sạch dữ liệu dân cư, hỗ trợ người dân kích hoạt tài khoản định danh điện tử", ["CAH"], None, ["TP"]),
            ("Nâng cấp hệ thống mạng nội bộ, thiết bị tại bộ phận một cửa huyện", ["VHTT"], None, ["VP", "TCKH"]),
            ("Số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực", ["TP"], None, ["VP"]),
        ]),
    dict(
        slug="antt", kinds=["hội nghị", "chuyên đề"],
        titles=["Hội nghị bảo đảm an ninh trật tự dịp Tết Nguyên đán {next}",
                "Họp Ban Chỉ đạo 138 huyện quý {q} năm {year}"],
        summary=["Tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn cơ bản ổn định.",
                 "Tội phạm về ma túy, tín dụng đen, vi phạm an toàn giao thông còn diễn biến phức tạp.",
                 "Công tác phòng cháy, chữa cháy tại các khu dân cư, cơ sở kinh doanh còn nhiều nguy cơ."],
        conclusions=[
            ("Mở đợt cao điểm tấn công, trấn áp tội phạm, bảo đảm an ninh trật tự", ["CAH"], None, ["BCHQS"]),
            ("Kiểm tra công tác phòng cháy, chữa cháy tại các chợ, cơ sở kinh doanh", None, "communes2", ["CAH"]),
            ("Tổ chức thăm hỏi, tặng quà các gia đình chính sách, hộ nghèo dịp Tết", ["LDTBXH"], None, ["TCKH"]),
            ("Kiểm tra thị trường, chống buôn lậu, gian lận thương mại và hàng giả", ["KTHT"], None, ["CAH"]),
        ]),
    dict(
        slug="giam-ngheo", kinds=["hội nghị", "chuyên đề"],
        titles=["Hội nghị triển khai Chương trình mục tiêu quốc gia giảm nghèo bền vững năm {year}",
                "Họp về công tác rà soát hộ nghèo, hộ cận nghèo năm {year}"],
        summary=["Tỷ lệ hộ nghèo của huyện giảm theo kế hoạch, tuy nhiên chưa thật sự bền vững.",
                 "Việc giải ngân các nguồn vốn chương trình mục tiêu quốc gia còn chậm.",
                 "Một số xã rà soát hộ nghèo chưa đúng quy trình, còn để xảy ra khiếu nại."],
        conclusions=[
            ("Tổ chức rà soát hộ nghèo, hộ cận nghèo đúng quy trình, công khai, minh bạch", None, "communes", ["LDTBXH"]),
            ("Hướng dẫn các xã triển khai các dự án hỗ trợ phát triển sản xuất, đa dạng hóa sinh kế", ["NNPTNT"], None, ["DT"]),
            ("Tham mưu phân bổ vốn sự nghiệp chương trình mục tiêu quốc gia giảm nghèo", ["TCKH"], None, ["LDTBXH"]),
            ("Kiểm tra việc thực hiện chính sách đối với đồng bào dân tộc thiểu số", ["DT"], None, ["LDTBXH"]),
        ]),
    dict(
        slug="moi-truong", kinds=["làm việc", "chuyên đề"],
        titles=["Làm việc về công tác thu gom, xử lý rác thải sinh hoạt trên địa bàn huyện",
                "Họp về quản lý hoạt động khai thác khoáng sản, cát sỏi lòng sông Con năm {year}"],
        summary=["Công tác thu gom rác thải ở khu vực nông thôn còn hạn chế, nhiều điểm tập kết tự phát gây ô nhiễm.",
                 "Tình trạng khai thác cát sỏi trái phép trên sông Con còn diễn ra tại một số thời điểm.",
                 "Bãi xử lý rác thải của huyện đã gần hết công suất."],
        conclusions=[
            ("Xây dựng phương án thu gom, vận chuyển rác thải sinh hoạt cho các xã chưa có dịch vụ", ["TNMT"], None, ["KTHT"]),
            ("Xóa bỏ các điểm tập kết rác tự phát, ra quân tổng vệ sinh môi trường", None, "communes", ["TNMT"]),
            ("Tăng cường tuần tra, kiểm soát, xử lý nghiêm hoạt động khai thác cát sỏi trái phép", ["CAH"], None, ["TNMT"]),
            ("Lập dự án mở rộng bãi xử lý rác thải, trình cấp có thẩm quyền phê duyệt", ["BQLDA"], None, ["TNMT", "TCKH"]),
        ]),
    dict(
        slug="tiep-dan", kinds=["làm việc", "hội nghị"],
        titles=["Họp về công tác tiếp công dân, giải quyết khiếu nại, tố cáo quý {q} năm {year}",
                "Làm việc giải quyết đơn kiến nghị của công dân xã {commune}"],
        summary=["Số lượt công dân đến kiến nghị, phản ánh giảm so với cùng kỳ, chủ yếu liên quan đến đất đai.",
                 "Một số vụ việc kéo dài, phức tạp chưa được giải quyết dứt điểm.",
                 "Việc thực hiện các quyết định giải quyết khiếu nại đã có hiệu lực pháp luật còn chậm."],
        conclusions=[
            ("Kiểm tra, xác minh nội dung đơn, báo cáo đề xuất hướng giải quyết", ["TTR"], None, ["TNMT"]),
            ("Tổ chức đối thoại với công dân, giải thích chính sách pháp luật liên quan", None, "communes2", ["TTR", "TP"]),
            ("Thực hiện dứt điểm các quyết định giải quyết khiếu nại đã có hiệu lực", ["TNMT"], None, ["TTR"]),
        ]),
]

GENERIC_CONCLUSIONS = [
    ("Báo cáo kết quả thực hiện về UBND huyện (qua Văn phòng) để tổng hợp", None, "depts", ["VP"]),
    ("Tăng cường công tác tuyên truyền trên hệ thống thông tin cơ sở", ["TTVHTT"], None, ["VHTT"]),
    ("Tham mưu văn bản chỉ đạo của UBND huyện về nội dung trên", ["VP"], None, []),
    ("Bố trí kinh phí thực hiện theo quy định", ["TCKH"], None, []),
]

UNTRACKED = [
    "Ghi nhận ý kiến đóng góp của các đại biểu dự họp",
    "Biểu dương các đơn vị đã hoàn thành tốt nhiệm vụ trong thời gian qua",
    "Thống nhất với báo cáo của cơ quan thường trực",
]

CONCLUSION_IDS = ["bao-cao", "tuyen-truyen", "kinh-phi", "kiem-tra", "ra-soat", "doi-thoai",
                  "thai-do", "tien-do", "ho-so", "co-so-vat-chat"]

GENERIC_SUMMARY = [
    "Các đại biểu đã tập trung thảo luận thẳng thắn, chỉ ra những tồn tại, hạn chế và nguyên nhân, đồng thời đề xuất nhiều giải pháp cụ thể.",
    "Công tác phối hợp giữa các phòng, ban chuyên môn và UBND các xã, thị trấn có lúc chưa chặt chẽ, việc báo cáo còn chậm.",
    "Một số đơn vị chưa chủ động tham mưu, còn tâm lý trông chờ, ỷ lại vào cấp trên.",
    "Nhiều nhiệm vụ được giao tại các cuộc họp trước đã được triển khai, song vẫn còn nhiệm vụ quá hạn chưa hoàn thành.",
    "Ý kiến của các đại biểu tập trung vào các vướng mắc về cơ chế, chính sách, nguồn lực và trách nhiệm của người đứng đầu.",
    "Thường trực HĐND huyện đề nghị tăng cường giám sát việc thực hiện các kiến nghị của cử tri liên quan.",
    "Đại diện Ủy ban MTTQ huyện đề nghị các địa phương làm tốt công tác dân vận, công khai, minh bạch để nhân dân đồng thuận.",
    "Một số chỉ tiêu đạt thấp do ảnh hưởng của thời tiết bất lợi, giá cả vật tư tăng cao và nguồn lực đầu tư còn hạn chế.",
]

CLOSINGS = [
    "Sau khi nghe báo cáo của cơ quan thường trực và ý kiến của các đại biểu, đồng chí chủ trì kết luận và giao nhiệm vụ như sau.",
    "Kết luận hội nghị, đồng chí chủ trì yêu cầu các cơ quan, đơn vị tập trung thực hiện tốt các nhiệm vụ trọng tâm sau.",
    "Đồng chí chủ trì đánh giá cao tinh thần trách nhiệm của các đơn vị và giao nhiệm vụ cụ thể như sau.",
]

SUFFIXES = [
    "",
    "; báo cáo kết quả về UBND huyện",
    "; báo cáo kết quả về UBND huyện (qua Văn phòng) trước ngày {due}",
    ". Thủ trưởng đơn vị chịu trách nhiệm trước Chủ tịch UBND huyện về kết quả thực hiện",
    ", bảo đảm đúng quy định và hiệu quả",
]

NOTES = {
    "in_progress": ["Đã xây dựng kế hoạch, đang triển khai thực hiện",
                    "Đã lập danh sách, đang rà soát từng trường hợp",
                    "Đã ban hành văn bản chỉ đạo, đang tổng hợp kết quả",
                    "Đang phối hợp với các đơn vị liên quan để thực hiện",
                    "Đã hoàn thành khoảng 60% khối lượng công việc"],
    "blocked": ["Chưa được bố trí kinh phí",
                "Chờ ý kiến hướng dẫn của sở, ngành cấp tỉnh",
                "Một số hộ dân chưa đồng thuận, cần có ý kiến chỉ đạo",
                "Vướng quy định về thẩm quyền, đề nghị UBND huyện cho ý kiến",
                "Thiếu nhân lực thực hiện do cán bộ đi học tập trung"],
    "done": ["Đã hoàn thành, có báo cáo kèm theo",
             "Đã thực hiện xong, gửi báo cáo về Văn phòng",
             "Hoàn thành theo kế hoạch",
             "Đã khắc phục xong"],
    "cancelled": ["Không thực hiện do thay đổi chủ trương của tỉnh",
                  "Nội dung đã được lồng ghép vào kế hoạch khác",
                  "Dừng thực hiện theo kết luận của Thường trực UBND huyện"],
    "extension": ["Gia hạn theo đề nghị của đơn vị do khối lượng công việc lớn",
                  "Gia hạn do ảnh hưởng của mưa lũ kéo dài",
                  "Chủ tịch UBND huyện đồng ý gia hạn tại cuộc họp giao ban",
                  "Gia hạn để chờ hướng dẫn của cấp trên"],
    "reminder": ["Văn phòng đã có công văn đôn đốc",
                 "Đôn đốc lần {n} tại cuộc họp giao ban",
                 "Nhắc nhở qua hệ thống quản lý văn bản điều hành",
                 ""],
}

# --------------------------------------------------------------------------- YAML

_PLAIN_BAD_START = set("-?:,[]{}#&*!|>'\"%@` ")
_RESERVED = {"", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n"}
_NUMBERISH = re.compile(r"[-+0-9.:_ eExXoObB]+")


def q(s):
    """A YAML scalar for text s: plain when that reads back as the same text in both
    YAML 1.1 (PyYAML) and 1.2 core, else double-quoted."""
    if (s and s[0] not in _PLAIN_BAD_START and s[-1] not in " :"
            and ": " not in s and " #" not in s and "\n" not in s and "\\" not in s
            and s.lower() not in _RESERVED and not _NUMBERISH.fullmatch(s)):
        return s
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def flow(items):
    return "[" + ", ".join(q(x) for x in items) + "]"


def wrap(text, width, indent):
    lines, cur = [], ""
    for w in text.split(" "):
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(indent + cur)
            cur = w
        else:
            cur = w if not cur else cur + " " + w
    if cur:
        lines.append(indent + cur)
    return "\n".join(lines)


# --------------------------------------------------------------------------- records

FIRST_DAY = dt.date(2019, 1, 1)
SPAN_DAYS = (dt.date(2026, 12, 31) - FIRST_DAY).days + 1
DAY = dt.timedelta(days=1)


def vn(d):
    return d.strftime("%d/%m/%Y")


def unit_ref(rng, code):
    """How a record names a unit: mostly its code, sometimes name or alias."""
    r = rng.random()
    _, name, aliases = UNIT_BY_CODE[code]
    if r < 0.82:
        return code
    if r < 0.93 or not aliases:
        return name if rng.random() < 0.8 else name.lower()
    return rng.choice(aliases)


def pick_fanout(rng, group):
    n = rng.randint(2, 6)
    if group == "depts":
        return rng.sample(CORE_DEPTS, n)
    if group == "communes2":
        return rng.sample(COMMUNE_CODES, min(n, 3))
    return rng.sample(COMMUNE_CODES, n)


def make_record(seed, i):
    rng = random.Random(f"{seed}-{i}")
    date = FIRST_DAY + dt.timedelta(days=rng.randrange(SPAN_DAYS))
    if date.weekday() >= 5:  # meetings are held on working days
        date -= dt.timedelta(days=date.weekday() - 4)
    topic = rng.choice(TOPICS)
    stem = f"{date.isoformat()}-{topic['slug']}-{i:05d}"
    year = date.year
    school = year if date.month >= 6 else year - 1
    fmt = dict(year=year, prev=year - 1, next=year + 1, school=school, school_next=school + 1, q=(date.month - 1) // 3 + 1,
               month=date.month, week=date.isocalendar()[1],
               commune=rng.choice(COMMUNES)[1])
    title = rng.choice(topic["titles"]).format(**fmt)
    out = []
    w = out.append
    w(f"# {year}/{stem}.yaml\n")
    if rng.random() < 0.1:
        w(f"id: {stem}\n")
    w(f"title: {q(title)}\n")
    w(f"date: {date.isoformat()}\n")
    # Every notice its own number, as an office's register gives them (numbers drawn at
    # random met again each year and drew a duplicate-notice warning on most records);
    # the draw is kept so the rest of each record stays as it was.
    rng.randint(1, 480)
    w(f"document: {i}/TB-UBND\n")
    w(f"kind: {q(rng.choice(topic['kinds']))}\n")
    if rng.random() < 0.85:
        loc = rng.choice(LOCATIONS)
        if loc == "Trụ sở UBND xã":
            loc += " " + rng.choice(COMMUNES[1:])[1]
        w(f"location: {q(loc)}\n")
    chair = rng.choice(CHAIRS)
    w(f"chair: {q(chair)}\n")
    w("attendees:\n")
    for a in rng.sample(ATTENDEES, rng.randint(3, 10)):
        w(f"  - {q(a)}\n")
    sents = rng.sample(topic["summary"], min(len(topic["summary"]), rng.randint(2, 4)))
    sents += rng.sample(GENERIC_SUMMARY, rng.randint(3, 4))
    sents.append(rng.choice(CLOSINGS))
    name, role = chair.split(", ", 1)
    summary = (f"Ngày {vn(date)}, UBND huyện Tân Kỳ tổ chức {title[0].lower() + title[1:]}. "
               f"Đồng chí {name}, {role[0].lower() + role[1:]} chủ trì. "
               + " ".join(s.format(**fmt) for s in sents))
    w("summary: |\n" + wrap(summary, 96, "  ") + "\n")

    meeting_due = None  # None, a date or "ongoing"
    if rng.random() < 0.2:
        if rng.random() < 0.3:
            meeting_due = "ongoing"
            w(f"due: {rng.choice(['ongoing', 'thường xuyên'])}\n")
        else:
            meeting_due = date + dt.timedelta(days=rng.randint(30, 200))
            w(f"due: {meeting_due.isoformat()}\n")

    # conclusions
    pool = topic["conclusions"] + GENERIC_CONCLUSIONS
    n_conc = rng.randint(3, 8)
    chosen = rng.sample(pool, min(n_conc, len(pool)))
    while len(chosen) < n_conc:
        chosen.append(rng.choice(pool))
    tasks = []  # (full_id, local_id, deadline date or None)
    used_ids = set()
    w("conclusions:\n")
    for pos, (text, leads, group, supports) in enumerate(chosen, 1):
        cid = str(pos)
        lines = []
        if rng.random() < 0.1:
            base = rng.choice(CONCLUSION_IDS)
            cid = base if base not in used_ids else f"{base}-{pos}"
            lines.append(f"id: {cid}")
        used_ids.add(cid)
        if rng.random() < 0.06:  # recorded, not tracked
            lines.append(f"text: {q(rng.choice(UNTRACKED))}")
            w("  - " + "\n    ".join(lines) + "\n")
            continue
        # deadline
        if meeting_due is not None and rng.random() < 0.5:
            due_text, deadline = None, (None if meeting_due == "ongoing" else meeting_due)
        elif rng.random() < 0.25:
            due_text, deadline = rng.choice(["ongoing", "thường xuyên"]), None
        else:
            deadline = date + dt.timedelta(days=rng.choice([7, 10, 15, 20, 30, 30, 45, 60, 90, 120, 180]))
            due_text = deadline.isoformat()
        suffix = rng.choice(SUFFIXES)
        if "{due}" in suffix:
            suffix = suffix.format(due=vn(deadline)) if deadline else SUFFIXES[2]
        lines.append(f"text: {q(text + suffix + '.')}")
        if group is not None and (leads is None or rng.random() < 0.3):
            owners = pick_fanout(rng, group)
            refs = [unit_ref(rng, c) for c in owners]
            if rng.random() < 0.6:
                lines.append(f"owners: {flow(refs)}")
            else:
                lines.append("owners:\n" + "\n".join(f"      - {q(r)}" for r in refs))
            for c in owners:
                tasks.append((f"{stem}#{cid}/{c}", f"{cid}/{c}", deadline, c))
        else:
            lead = rng.choice(leads) if leads else rng.choice(CORE_DEPTS)
            lines.append(f"owner: {q(unit_ref(rng, lead))}")
            tasks.append((f"{stem}#{cid}", cid, deadline, lead))
            owners = [lead]
        sup = [s for s in supports if s not in owners]
        if sup and rng.random() < 0.7:
            if len(sup) == 1 and rng.random() < 0.5:
                lines.append(f"support: {q(unit_ref(rng, sup[0]))}")
            else:
                lines.append(f"support: {flow([unit_ref(rng, s) for s in sup])}")
        if due_text is not None:
            lines.append(f"due: {due_text}")
        w("  - " + "\n    ".join(lines) + "\n")

    # updates: 0..6 entries, valid per task
    n_upd = rng.choices([0, 1, 2, 3, 4, 5, 6], weights=[14, 14, 18, 18, 14, 12, 10])[0]
    entries = []  # (date, seq, text)
    if n_upd and tasks:
        k = min(len(tasks), rng.randint(1, 3), n_upd)
        picked = rng.sample(tasks, k)
        counts = [1] * k
        for _ in range(n_upd - k):
            counts[rng.randrange(k)] += 1
        seq = 0
        for (full, local, deadline, lead), cnt in zip(picked, counts):
            ref = full if rng.random() < 0.5 else local
            day, status, reminders = date, "open", 0
            for _ in range(cnt):
                if status in ("done", "cancelled"):
                    break
                day = day + dt.timedelta(days=rng.choice([0, 1, 3, 5, 7, 10, 14, 20, 30, 45]))
                kinds = ["in_progress", "in_progress", "done", "done", "reminder", "blocked"]
                if deadline is not None:
                    kinds += ["extension"]
                if rng.random() < 0.05:
                    kinds = ["cancelled"]
                kind = rng.choice(kinds)
                # a numeric local part is written plain, as the format shows it (`task: 2`)
                e = [f"task: {ref if ref.isdigit() else q(ref)}", f"date: {day.isoformat()}"]
                by = lead
                if kind == "reminder":
                    reminders += 1
                    e.append("reminder: true")
                    note = rng.choice(NOTES["reminder"]).format(n=reminders)
                    if note:
                        e.append(f"note: {q(note)}")
                elif kind == "extension":
                    new_due = max(deadline, day) + dt.timedelta(days=rng.choice([15, 30, 30, 45, 60, 90]))
                    deadline = new_due
                    if status == "open" and rng.random() < 0.4:
                        status = "in_progress"
                        e.append("status: in_progress")
                    e.append(f"due: {new_due.isoformat()}")
                    e.append(f"note: {q(rng.choice(NOTES['extension']))}")
                    e.append(f"by: {q(unit_ref(rng, by))}")
                else:
                    status = kind
                    e.append(f"status: {kind}")
                    if kind in ("blocked", "cancelled") or rng.random() < 0.7:
                        e.append(f"note: {q(rng.choice(NOTES[kind]))}")
                    e.append(f"by: {q(unit_ref(rng, by))}")
                    if kind == "done" and rng.random() < 0.6:
                        e.append(f"document: {rng.randint(1, 350)}/BC-{by if by in DEPT_CODES else 'UBND'}")
                entries.append((day, seq, "  - " + "\n    ".join(e) + "\n"))
                seq += 1
    if entries:
        entries.sort(key=lambda t: (t[0], t[1]))
        w("updates:\n")
        for _, _, text in entries:
            w(text)
    content = unicodedata.normalize("NFC", "".join(out))
    return f"{year}/{stem}.yaml", content


def units_yaml():
    out = ["# Đơn vị chủ trì, phối hợp: các phòng, ban cấp huyện và UBND các xã, thị trấn\n",
           "units:\n"]
    for code, name, aliases in UNITS:
        out.append(f"  - code: {code}\n    name: {q(name)}\n")
        if aliases:
            out.append(f"    aliases: {flow(aliases)}\n")
    return unicodedata.normalize("NFC", "".join(out))


SETTINGS = ("organization: Ủy ban nhân dân huyện Tân Kỳ\n"
            "superior: Ủy ban nhân dân tỉnh Nghệ An\n"
            "place: Tân Kỳ\n")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, required=True, help="number of meeting records")
    ap.add_argument("--seed", default="42", help="seed (any text); default 42")
    ap.add_argument("--out", required=True, help="output folder (created)")
    args = ap.parse_args(argv)
    if args.count < 0:
        ap.error("--count must be >= 0")
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "units.yaml"), "w", encoding="utf-8", newline="\n") as f:
        f.write(units_yaml())
    with open(os.path.join(args.out, "settings.yaml"), "w", encoding="utf-8", newline="\n") as f:
        f.write(unicodedata.normalize("NFC", SETTINGS))
    made = set()
    for i in range(1, args.count + 1):
        rel, content = make_record(args.seed, i)
        d = os.path.join(args.out, os.path.dirname(rel))
        if d not in made:
            os.makedirs(d, exist_ok=True)
            made.add(d)
        with open(os.path.join(args.out, rel), "w", encoding="utf-8", newline="\n") as f:
            f.write(content)
    return 0


if __name__ == "__main__":
    sys.exit(main())
