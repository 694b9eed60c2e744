"""Screenshots of every screen at 1366x768 into docs/screenshots/, from made-up demo data.

Run under a real X server so fonts render as a nurse sees them:

    xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb \\
        /tmp/venv/bin/python tools/screenshots.py
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from mmu_desktop import settings as settings_store  # noqa: E402
from mmu_desktop.context import AppContext  # noqa: E402
from mmu_desktop.db import beneficiaries, id_pool  # noqa: E402
from mmu_desktop.db.demo_data import seed_demo  # noqa: E402
from mmu_desktop.db.engine import writing  # noqa: E402
from mmu_desktop.db.masters import choices  # noqa: E402
from mmu_desktop.paths import DataDir  # noqa: E402
from mmu_desktop.ui.app import make_application  # noqa: E402
from mmu_desktop.ui.main_window import (  # noqa: E402
    FIND,
    HISTORY,
    REGISTER,
    SYNC,
    VISIT,
    MainWindow,
)

SIZE = (1366, 768)
VAN = {
    "van-id": "7",
    "parking-place-id": "3",
    "provider-service-map-id": "1",
    "facility-id": "9",
    "vehicle-no": "UP32 AB 1234",
    "user": "nurse.asha",
}
# Made-up people whose names show search across scripts and spellings.
KNOWN_PEOPLE = (
    ("सुनीता", "देवी", "Female", 34, "9876543210"),
    ("Sunita", "Kumari", "Female", 27, "9123456780"),
    ("Suneeta", "Yadav", "Female", 45, ""),
    ("राम", "प्रसाद", "Male", 61, "8765432109"),
)


def make_data(root: Path) -> AppContext:
    data_dir = DataDir.at(root)
    current = settings_store.load(data_dir)
    for key, value in VAN.items():
        settings_store.set_value(current, key, value)
    settings_store.save(data_dir, current)
    ctx = AppContext.open(root)
    ids = [(3_000_000_000 + i, 234_567_890_000 + i) for i in range(1, 601)]
    with writing(ctx.engine) as conn:
        id_pool.store_new_ids(conn, ids, 7, datetime.now())
    van = ctx.van()
    with ctx.engine.connect() as conn:
        genders = {c.label: c.id for c in choices(conn, "gender")}
        state = choices(conn, "state")[-1]
        district = choices(conn, "district", state.id)[0]
        block = choices(conn, "block", district.id)[0]
        village = choices(conn, "village", block.id)[0]
    for first, last, gender, age, phone in KNOWN_PEOPLE:
        form = beneficiaries.BeneficiaryForm(
            first_name=first,
            last_name=last,
            gender_id=genders[gender],
            age_years=age,
            phone=phone,
            father_name="रमेश" if first == "सुनीता" else "",
            state_id=state.id,
            district_id=district.id,
            block_id=block.id,
            village_id=village.id,
            pin_code=village.extra or "",
        )
        beneficiaries.register(ctx.engine, form, van)
    seed_demo(ctx.engine, van, 80, 160, seed=11)
    return ctx


def settle(ms: int = 400) -> None:
    QTest.qWait(ms)
    QApplication.processEvents()


def save(widget: QWidget, folder: Path, name: str) -> Path:
    settle(150)
    path = folder / name
    widget.grab().save(str(path))
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    make_application()
    with tempfile.TemporaryDirectory(prefix="mmu-shots-") as tmp:
        ctx = make_data(Path(tmp))
        window = MainWindow(ctx)
        window.confirm_discard = lambda _what: True  # type: ignore[method-assign]
        window.setGeometry(0, 0, *SIZE)
        window.show()
        window.activateWindow()
        settle(800)
        window.index.refresh()

        save(window, args.out, "01-main-window.png")

        # Registration: a near-duplicate name and a validation message.
        reg = window.registration
        window.go(REGISTER)
        QTest.keyClicks(reg.first_name, "Suneeta")
        QTest.keyClicks(reg.last_name, "Devi")
        QTest.keyClicks(reg.age, "35")
        QTest.keyClicks(reg.phone, "12345")
        settle(700)
        reg.save()
        settle()
        save(window, args.out, "02-register-duplicates-and-errors.png")

        reg.clear()
        reg.banner.dismiss()
        reg.more_button.setChecked(True)
        QTest.keyClicks(reg.first_name, "Kamla")
        settle(600)
        save(window, args.out, "03-register-more-details.png")
        reg.clear()
        reg.more_button.setChecked(False)

        # Search in both scripts.
        window.go(FIND)
        QTest.keyClicks(window.search.box, "sunita")
        settle(600)
        save(window, args.out, "04-find-english-spelling.png")
        window.search.box.clear()
        window.search.box.setText("सुनीता")  # QTest types ASCII only
        settle(600)
        save(window, args.out, "05-find-hindi.png")

        # A whole visit for the first match.
        person = window.search.found_ids()[0]
        window.start_visit(person)
        visit = window.visit
        visit.reason.setCurrentIndex(2)
        visit.category.setCurrentIndex(3)
        row = visit.complaint_rows[0]
        row.complaint.setCurrentIndex(6)
        row.duration.setText("3")
        second = visit.add_complaint()
        second.complaint.setCurrentIndex(8)
        second.duration.setText("2")
        for name, text in {
            "temperature": "100.8",
            "pulse": "96",
            "respiratory_rate": "20",
            "spo2": "97",
            "systolic": "128",
            "diastolic": "84",
            "blood_glucose": "112",
            "hemoglobin": "10.4",
            "weight": "52",
            "height": "154",
        }.items():
            visit.numbers[name].setText(text)
        visit.diagnosis.setText("Viral fever")
        visit.notes.setPlainText("Plenty of fluids; return if fever lasts beyond 3 days.")
        drug = visit.drug_rows[0]
        drug.drug.setText("Paracetamol 500 mg")
        drug.dose.setText("1 tab")
        drug.frequency.setCurrentIndex(7)
        drug.duration.setText("3")
        drug.route.setCurrentIndex(4)
        drug.quantity.setText("9")
        drug.instructions.setText("after food")
        for test in visit.lab_tests.findItems("Malaria", Qt.MatchFlag.MatchStartsWith):
            test.setCheckState(Qt.CheckState.Checked)
        visit.institution.setCurrentIndex(visit.institution.findText("PHC Gola"))
        visit.referral_reason.setCurrentIndex(
            visit.referral_reason.findText("Further investigation")
        )
        visit.revisit.setText((date.today() + timedelta(days=7)).strftime("%d-%m-%Y"))
        settle()
        save(window, args.out, "06-visit-filled.png")
        visit.save()
        settle()
        window.go(VISIT)
        save(window, args.out, "07-visit-saved.png")

        window.show_history(person)
        settle()
        save(window, args.out, "08-history.png")
        window.go(HISTORY)

        window.go(SYNC)
        save(window, args.out, "09-sync.png")
        window.close()
        ctx.engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
