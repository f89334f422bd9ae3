"""Every option a user can set is documented in the README (a test fails when one is not)."""
import re

from conftest import ROOT
from newsmap.cli import build_parser
from newsmap.filters import PARAMS

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_environment_variables_are_documented():
    code = "\n".join(p.read_text(encoding="utf-8") for p in [*ROOT.glob("newsmap/*.py"), ROOT / "app.py", *ROOT.glob("pages/*.py")])
    names = set(re.findall(r"NEWSMAP_[A-Z_]+", code))
    assert names, "no setting found?"
    missing = sorted(n for n in names if n not in README)
    assert not missing, f"undocumented settings: {missing}"


def test_cli_options_are_documented():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    missing = []
    for name, p in sub.choices.items():
        if f"newsmap {name}" not in README:
            missing.append(name)
        for action in p._actions:
            for opt in action.option_strings:
                if opt.startswith("--") and opt != "--help" and opt not in README:
                    missing.append(f"{name} {opt}")
    assert not missing, f"undocumented CLI options: {missing}"


def test_url_parameters_are_documented():
    missing = [p for p in PARAMS if f"`{p}`" not in README]
    assert not missing, f"undocumented URL parameters: {missing}"


def test_schema_fields_are_documented():
    for field in ("speaker_mention", "date_precision", "date_relation", "statement_date", "asserted_by", "end_value", "linked_to"):
        assert f"`{field}`" in README, field
