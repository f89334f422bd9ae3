"""scripts/check_copied.py finds text of the real-article set in our files (test sentences must be our own)."""
import importlib.util

from conftest import ROOT

spec = importlib.util.spec_from_file_location("check_copied", ROOT / "scripts" / "check_copied.py")
check_copied = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_copied)


def _real(tmp_path):
    real = tmp_path / "articles"
    real.mkdir()
    (real / "x01.txt").write_text("Le maire de Brive a promis, jeudi soir, que la passerelle rouvrirait avant l’été.",
                                  encoding="utf-8")
    return real


def test_a_test_string_copied_from_an_article_is_found(tmp_path, capsys):
    test = tmp_path / "test_x.py"
    test.write_text('def test_it():\n    text = ("Il a promis, jeudi soir, que la passerelle rouvrirait '
                    "avant l'été.\")\n", encoding="utf-8")
    assert check_copied.main([str(test), "--real", str(_real(tmp_path))]) == 1
    assert capsys.readouterr().out.startswith(f"{test}:2: x01 «")


def test_our_own_sentence_and_a_missing_set(tmp_path, capsys):
    own = tmp_path / "notes.md"
    own.write_text("La maire de Tulle a annoncé mardi que le pont fermerait tout l'hiver.\n", encoding="utf-8")
    assert check_copied.main([str(own), "--real", str(_real(tmp_path))]) == 0
    assert check_copied.main([str(own), "--real", str(tmp_path / "nowhere")]) == 2
    assert "is missing" in capsys.readouterr().err
