"""The number a decision's answer carries counts the reviewer's own events in the project, not the site's."""
from conftest import csrf_of, login

from review.projects import project as projects
from review.screening import decisions as screening
from review.searches.importing import add_records, create_search


def project_with_records(conn, lead, title, n=4):
    pid = projects.create_project(conn, lead, title, reviewers_per_record=1)
    search = create_search(conn, pid, lead, "medline.ris", title[0] * 64, "ris")
    add_records(conn, pid, search, [{"title": f"{title} {i}", "year": 2020} for i in range(n)])
    return pid, [r[0] for r in conn.execute("SELECT id FROM records WHERE project_id = ? ORDER BY id", (pid,))]


def test_event_id_in_a_decision_answer_does_not_count_other_projects(app, conn, make_user):
    rita, busy = make_user("rita"), make_user("busy")
    mine, my_records = project_with_records(conn, rita, "Mine")
    other, other_records = project_with_records(conn, busy, "Other", n=6)
    login(app, "rita")
    token = csrf_of(app)

    def decide(record_id):
        return app.post(f"/projects/{mine}/screen/1/decide", {"record_id": record_id, "decision": "include",
                        "csrf_token": token}, headers={"Accept": "application/json"}).json["event_id"]

    first = decide(my_records[0])
    for record_id in other_records:  # another project is busy meanwhile
        screening.record_decision(conn, other, busy, record_id, 1, "exclude")
    second = decide(my_records[1])
    assert (first, second) == (1, 2)
