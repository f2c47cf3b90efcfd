"""``ktxh serve`` prepares the database and the demo once, and prints the demo logins."""

from ktxh.cli import build_parser
from ktxh.cli.serve import prepare
from ktxh.web.metadata.units.models import AdminUnit


def test_prepare_loads_the_demo_once_and_prints_logins(db):
    lines: list[str] = []
    prepare(out=lines.append)
    prepare(out=lines.append)
    assert sum("Đã nạp dữ liệu mẫu" in line for line in lines) == 1
    assert any(line.strip().startswith("luongson.lanhdao") for line in lines)
    assert AdminUnit.objects.filter(code="DEMO").count() == 1


def test_serve_is_a_ktxh_command():
    args = build_parser().parse_args(["serve", "--prepare-only"])
    assert args.addr == "127.0.0.1:8000" and args.prepare_only
