"""Every command's help prints (argparse formats help texts with %, so a stray one breaks it)."""

import pytest

from ktxh.cli import COMMANDS, main


def test_main_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    assert "KTXH" in capsys.readouterr().out


@pytest.mark.parametrize("command", COMMANDS)
def test_command_help(capsys: pytest.CaptureFixture[str], command: str) -> None:
    with pytest.raises(SystemExit) as info:
        main([command, "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("cách dùng: ktxh " + command)
    assert "show this help" not in out
