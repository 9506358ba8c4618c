"""`run.py --help`, `-h` and every subcommand's --help print their usage and exit 0 (no traceback)."""
import argparse
import contextlib
import io

import pytest

import run
from tests.test_cli import run as run_cli


def command_paths(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every subcommand path of the parser ('users', 'users add', ...)."""
    paths = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                paths.append((*prefix, name))
                paths += command_paths(sub, (*prefix, name))
    return paths


def test_the_program_help_works_with_both_spellings():
    for flag in ("--help", "-h"):
        result = run_cli(flag)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr and "usage: run.py" in result.stdout
        assert "simulate" in result.stdout and "recall@10%" in result.stdout


PATHS = command_paths(run.build_parser())


def test_every_subcommand_is_walked():
    assert {("import",), ("simulate",), ("users", "add"), ("export",)} <= set(PATHS)


@pytest.mark.parametrize("path", PATHS, ids=" ".join)
def test_every_subcommand_help_works(path):
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit) as ended:
        run.build_parser().parse_args([*path, "--help"])
    assert ended.value.code == 0
    assert out.getvalue().startswith("usage: ") and path[-1] in out.getvalue()
