"""The demo review's plain-language summary, published in bokmål, nynorsk and English, so a new user
sees the whole portal (three languages, language links, feeds, the statement) at once."""
from __future__ import annotations

import sqlite3

from review import publishing

REPORT_URL = "https://example.org/reports/breaks-health-care-workers"
TOPICS = {"nb": ["Helse", "Pauser", "Skiftarbeid"], "nn": ["Helse", "Pausar", "Skiftarbeid"],
          "en": ["Health", "Breaks", "Shift work"]}

CONTENT = {
    "nb": {
        "title": "Pauser i arbeidstiden for helsepersonell",
        "key_messages": ["Korte, planlagte pauser kan redusere utmattelse hos sykepleiere og leger.",
                         "Vi er usikre på om pauser påvirker muskel- og skjelettsmerter.",
                         "Vi fant få studier av feil i behandlingen."],
        "why": "Mange som jobber i sykehus og sykehjem, har lange vakter med lite hvile. Utmattelse kan gå ut over helsen og pasientene.",
        "what_for": "Vi ville finne ut om pauser, mikropauser og korte hvil på nattevakt påvirker helse og sikkerhet hos helsepersonell.",
        "what_did": "Vi søkte i MEDLINE og Embase i oktober 2025. To personer vurderte hver studie uavhengig av hverandre.",
        "what_found": "Studiene var små og varierte mye. De fleste målte utmattelse rett etter vakten.",
        "findings": [{"outcome": "utmattelse", "certainty": "low", "text": "Planlagte pauser kan redusere utmattelse."},
                     {"outcome": "smerter", "certainty": "very_low", "text": "Vi er usikre på om pauser reduserer smerter."}],
        "limitations": "Få studier, og mange hadde ingen sammenligningsgruppe.",
        "up_to_date": "Søket ble gjort i oktober 2025.",
        "workplaces": "Arbeidsgivere kan planlegge pauser i turnusen og sørge for et rolig sted å hvile.",
    },
    "nn": {
        "title": "Pausar i arbeidstida for helsepersonell",
        "key_messages": ["Korte, planlagde pausar reduserer kan hende trøyttleik hos sjukepleiarar og legar.",
                         "Det er svært usikkert om pausar påverkar muskel- og skjelettsmerter.",
                         "Vi fann få studiar av feil i behandlinga."],
        "why": "Mange som arbeider på sjukehus og sjukeheimar, har lange vakter med lite kvile. Trøyttleik kan gå ut over helsa og pasientane.",
        "what_for": "Vi ville finne ut om pausar, mikropausar og korte kvilar på nattevakt påverkar helse og tryggleik hos helsepersonell.",
        "what_did": "Vi søkte i MEDLINE og Embase i oktober 2025. To personar vurderte kvar studie uavhengig av kvarandre.",
        "what_found": "Studiane var små og varierte mykje. Dei fleste målte trøyttleik rett etter vakta.",
        "findings": [{"outcome": "trøyttleik", "certainty": "low", "text": "Planlagde pausar reduserer kan hende trøyttleik."},
                     {"outcome": "smerter", "certainty": "very_low", "text": "Det er svært usikkert om pausar reduserer smerter."}],
        "limitations": "Få studiar, og mange hadde inga samanlikningsgruppe.",
        "up_to_date": "Søket vart gjort i oktober 2025.",
        "workplaces": "Arbeidsgivarar kan planleggje pausar i turnusen og sørgje for ein roleg stad å kvile.",
    },
    "en": {
        "title": "Breaks at work for health-care workers",
        "key_messages": ["Short, scheduled breaks may reduce fatigue among nurses and doctors.",
                         "We are uncertain whether breaks affect musculoskeletal pain.",
                         "We found few studies of errors in care."],
        "why": "Many people who work in hospitals and nursing homes have long shifts with little rest. Fatigue can harm their health and their patients.",
        "what_for": "We wanted to find out whether breaks, micro-breaks and short naps on night shifts affect the health and safety of health-care workers.",
        "what_did": "We searched MEDLINE and Embase in October 2025. Two people assessed each study independently.",
        "what_found": "The studies were small and varied a lot. Most measured fatigue just after the shift.",
        "findings": [{"outcome": "fatigue", "certainty": "low", "text": "Scheduled breaks may reduce fatigue."},
                     {"outcome": "pain", "certainty": "very_low", "text": "We are uncertain whether breaks reduce pain."}],
        "limitations": "Few studies, and many had no comparison group.",
        "up_to_date": "The search was done in October 2025.",
        "workplaces": "Employers can plan breaks into the rota and provide a quiet place to rest.",
    },
}


def publish_demo_summaries(conn: sqlite3.Connection, project_id: int, lead: int, communicator: int) -> list[int]:
    """Write, submit, approve and publish the demo summary in nb, nn and en; return their ids."""
    ids = []
    for lang in publishing.LANGS:
        summary_id = publishing.create_summary(conn, project_id, lang, communicator)
        publishing.save_version(conn, summary_id, communicator, {**CONTENT[lang], "report_url": REPORT_URL}, TOPICS[lang])
        publishing.change_state(conn, summary_id, communicator, "submit")
        publishing.change_state(conn, summary_id, lead, "approve")
        publishing.change_state(conn, summary_id, communicator, "publish")
        ids.append(summary_id)
    return ids
