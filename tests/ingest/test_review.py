"""The review of an article: languages, the text report's details, the JSON report's acceptance, IRIs."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from kg.cli import app
from kg.ingest.iris import event_iri, person_iri


def test_an_unsupported_language_is_named_in_one_line(tmp_path, built_store_path) -> None:
    path = tmp_path / "ja.txt"
    path.write_text("欧州地域政策に関する会議は東京で開催されました。多くの参加者が集まりました。\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", "article", str(path), "--store", str(built_store_path)])
    assert result.exit_code != 0
    assert "Japanese" in result.output and "not support" in result.output
    assert len([line for line in result.output.splitlines() if "Japanese" in line]) == 1


def test_text_report_shows_country_region_role_project_and_marks(tmp_path, built_store_path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Il Comune di Bologna, capofila del progetto RIVERGREEN, ha ospitato l'incontro con "
                    "l'Università di Cadice (Spagna) e l'Associazione Verde Futuro il 12 marzo 2024 a Bologna.\n",
                    encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", "article", str(path), "--lang", "it",
                                      "--store", str(built_store_path)])
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if "Comune di Bologna" in x and "country" in x)
    assert "country IT" in line and "region ITH55" in line and "role lead-partner" in line \
        and "project RIVERGREEN" in line
    cadice = next(x for x in result.output.splitlines() if "Università di Cadice" in x and "country" in x)
    # A country without a NUTS region is accepted (a partner named with its country only) …
    assert "country ES" in cadice and "region ?" in cadice and cadice.lstrip().startswith("✓")
    # … an organisation whose country the text does not give is held back, whatever its score.
    verde = next(x for x in result.output.splitlines() if "Associazione Verde Futuro" in x and "country" in x)
    assert "country ?" in verde and verde.lstrip().startswith("?")
    assert "hold back 1" in result.output


def test_json_report_marks_accepted(tmp_path, built_store_path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("The kick-off of the TIDELINK project took place on 4 April 2024 in Gdańsk with Maria Nowak.\n",
                    encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", "article", str(path), "--lang", "en", "--report", "json",
                                      "--store", str(built_store_path)])
    report = json.loads(result.output)
    for kind in ("projects", "organisations", "places", "events", "persons"):
        for item in report[kind]:
            assert isinstance(item["accepted"], bool) and item["sentence"]
    assert any(p["name"] == "Maria Nowak" and p["accepted"] for p in report["persons"])


def test_person_and_event_iris_carry_no_name() -> None:
    iri = str(person_iri("Maria Nowak", "maria.nowak@example.org"))
    assert "maria" not in iri.lower() and "nowak" not in iri.lower()
    assert iri == str(person_iri("Maria  Nowak", "MARIA.NOWAK@example.org"))
    event = str(event_iri("2024-04-04", "https://w3id.org/eu-regional-kg/id/project/tidelink", "note"))
    assert "2024-04-04" in event and "tidelink" in event
    assert event != str(event_iri("2024-04-04", None, "note"))
