"""The seed file: schema validation with python-stdnum checksums, and telePINs hashed on load."""

from __future__ import annotations

import sqlite3

import pytest
import yaml
from pydantic import ValidationError
from stdnum.pl import nip, pesel

from integrations.sandbox.seed import DEMO_SEED_PATH, Seed, read_seed

ROLES = ["pit_refund", "vat_arrears_sole_trader", "ppo1_attorney", "uko_foundation", "blocked_telepin",
         "inactive_telepin", "pcc_sd", "lockout_drill"]


def _raw() -> dict:
    return yaml.safe_load(DEMO_SEED_PATH.read_text(encoding="utf-8"))


def test_demo_seed_has_every_scenario():
    seed = read_seed(DEMO_SEED_PATH)
    for role in ROLES:
        person = seed.person(role)
        assert pesel.is_valid(person.pesel)
    assert seed.person("blocked_telepin").telepin.state == "blocked"
    assert seed.person("inactive_telepin").telepin.state == "inactive"
    assert seed.person("vat_arrears_sole_trader").nip and nip.is_valid(seed.person("vat_arrears_sole_trader").nip)
    company = seed.organisation("company_overpayment_enforcement")
    kinds = {e.kind for a in company.accounts for e in a.enforcement}
    assert "enforcement_title" in kinds
    assert any(r.kind == "overpayment" for a in company.accounts for r in a.refunds)
    attorney = seed.person("ppo1_attorney").pesel
    assert len([r for r in seed.representatives if r.representative == attorney and r.basis == "PPO-1"]) == 2
    assert any(r.basis == "UKO" for r in seed.representatives)


def test_seed_person_repr_hides_identifiers():
    person = read_seed(DEMO_SEED_PATH).person("pit_refund")
    assert person.pesel not in repr(person) and person.telepin.pin not in repr(person)


def test_invalid_pesel_in_seed_is_rejected():
    raw = _raw()
    good = raw["persons"][0]["pesel"]
    raw["persons"][0]["pesel"] = good[:-1] + str((int(good[-1]) + 1) % 10)
    with pytest.raises(ValidationError, match="PESEL"):
        Seed.model_validate(raw)


def test_invalid_nip_in_seed_is_rejected():
    raw = _raw()
    good = raw["organisations"][0]["nip"]
    raw["organisations"][0]["nip"] = good[:-1] + str((int(good[-1]) + 1) % 10)
    with pytest.raises(ValidationError, match="NIP"):
        Seed.model_validate(raw)


def test_representation_must_name_a_seeded_principal():
    raw = _raw()
    raw["representatives"][0]["principal"] = {"nip": "5260250274"}  # valid NIP, not in the seed
    with pytest.raises(ValidationError, match="principal"):
        Seed.model_validate(raw)


def test_telepins_are_stored_only_as_argon2id_hashes(sandbox_server):
    seed = sandbox_server.seed
    with sqlite3.connect(sandbox_server.db_path) as conn:
        hashes = [h for (h,) in conn.execute("SELECT pin_hash FROM telepins WHERE pin_hash IS NOT NULL")]
    assert hashes and all(h.startswith("$argon2id$") for h in hashes)
    dump = "\n".join(sqlite3.connect(sandbox_server.db_path).iterdump())
    for person in seed.persons:
        if person.telepin.pin:
            assert person.telepin.pin not in dump


def test_seed_error_names_the_field_not_the_value(tmp_path):
    from integrations.sandbox.seed import SeedError

    raw = _raw()
    bad = raw["persons"][0]["pesel"][:-1] + str((int(raw["persons"][0]["pesel"][-1]) + 1) % 10)
    raw["persons"][0]["pesel"] = bad
    path = tmp_path / "seed.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(SeedError) as info:
        read_seed(path)
    assert "persons.0.pesel" in str(info.value) and bad not in str(info.value)


def test_json_seed_is_accepted(tmp_path):
    import json

    path = tmp_path / "seed.json"
    path.write_text(json.dumps(_raw(), default=str, ensure_ascii=False), encoding="utf-8")
    assert read_seed(path).person("pit_refund").telepin.state == "active"
