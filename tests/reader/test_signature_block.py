"""Who signs a document and where it is sent, read from its end (the seeds' own signature blocks)."""

import pytest

from ktxh.reader.metadata import recipients_of, signer_of

from .conftest import seed_document


@pytest.mark.parametrize("prefix, authority, title, name", [
    ("000", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Ngô Anh Hà"),
    ("002", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Dương Thị Lưu"),   # "**TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH**"
    ("003", None, "CHỦ TỊCH", "Phạm Văn Ngon"),                    # "PHẠM VĂN NGON" in capitals
    ("004", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Xuân Trường"),   # Biểu số 01, 02 follow the signature
])
def test_the_seeds_signers(prefix, authority, title, name):
    s = seed_document(prefix).metadata.signer
    assert (s.authority, s.title, s.name) == (authority, title, name)


def test_a_party_resolution_signed_without_a_title_has_no_signer():
    assert seed_document("001").metadata.signer is None  # 001 ends with a name only


def test_the_seeds_distribution_lists():
    assert seed_document("002").metadata.recipients == (
        "UBND TP (b/c)", "ĐU, HĐND (b/c)", "MTTQ, các đoàn thể (p/h)", "Các cơ quan chuyên môn (t/h)", "Lưu: VP-UB")
    assert seed_document("003").metadata.recipients == ("VP. HĐND-UBND thị xã", "TT. Đảng ủy - HĐND phường", "Lưu: VT")


def test_a_deputy_signs_for_the_chair():
    s = signer_of(["Nơi nhận:", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Bình"])
    assert (s.authority, s.title, s.name) == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Bình")


def test_a_sentence_naming_the_chair_is_not_a_signature():
    assert signer_of(["Chủ tịch UBND phường chỉ đạo.", "CHỦ TỊCH", "và các Phó Chủ tịch họp giao ban"]) is None
    assert recipients_of(["Không có nơi nhận ở đây."]) == ()
