"""What a coach sees and does in the dashboard, in a real browser, on the demo club.

A head coach signs in through the login form, finds the urgent red-flag athlete at the top of
"Needs attention", opens the athlete page, sees the five charts drawn and acknowledges the flag
with a note; the flag changes in the database. A coach of another organization gets a 404.
Screenshots land in <repo>/screenshots/ so anyone can look at what a coach sees.
"""

from urllib.parse import urlsplit

import pytest

from assessments.models import Flag
from coaching.dashboard import SEVERITY_ORDER

from .conftest import VIEWPORT, orm

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHARTS = ("chart-sleep", "chart-protein", "chart-wellness", "chart-load", "chart-e1rm")

# For each chart: does Chart.js own the canvas, does it hold at least one data point, and how
# many of the canvas's pixels are painted (not fully transparent).
CHART_STATE = """(ids) => ids.map((id) => {
  const canvas = document.getElementById(id);
  const chart = canvas && window.Chart ? Chart.getChart(canvas) : undefined;
  if (!chart) return { id, chart: false, points: 0, painted: 0, pixels: 0 };
  const points = chart.data.datasets
    .flatMap((dataset) => dataset.data)
    .filter((value) => value !== null && value !== undefined).length;
  const { width, height } = canvas;
  const alpha = canvas.getContext("2d").getImageData(0, 0, width, height).data;
  let painted = 0;
  for (let i = 3; i < alpha.length; i += 4) if (alpha[i] !== 0) painted += 1;
  return { id, chart: true, points, painted, pixels: width * height };
})"""


def sign_in(page, username, password):
    page.goto("/admin/login/?next=/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_url(lambda url: urlsplit(url).path == "/admin/")


def test_head_coach_acknowledges_the_top_red_flag(new_page, demo_club, screenshots):
    page = new_page()
    sign_in(page, "headcoach", demo_club["password"])

    # "Needs attention": red flags, most urgent first; the top one is an urgent flag of one
    # of the two demo athletes whose data tell a red-flag story.
    entries = page.locator("#needs-attention #attention-red-flags li")
    severities = entries.evaluate_all("(items) => items.map((li) => li.dataset.severity)")
    assert severities[0] == "urgent"
    assert severities == sorted(severities, key=SEVERITY_ORDER.__getitem__)
    names = page.locator("#attention-red-flags a.athlete-link").all_inner_texts()
    assert set(names) == {"Sudden Sara", "Nina Numb"}
    page.screenshot(path=screenshots / "dashboard-index.png", full_page=True)
    top = entries.first
    athlete = demo_club["athletes"][top.locator("a.athlete-link").inner_text()]
    code = top.get_attribute("data-flag")

    # The athlete page: the analysis, and every chart drawn by Chart.js.
    top.locator("a.athlete-link").click()
    page.wait_for_url(f"**/admin/coaching/athlete/{athlete.pk}/change/")
    assert athlete.name in page.locator("#latest-analysis h2").inner_text()
    page.wait_for_function(
        "(ids) => window.Chart && ids.every((id) => Chart.getChart(document.getElementById(id)))",
        arg=list(CHARTS),
    )
    for chart in page.evaluate(CHART_STATE, list(CHARTS)):
        assert chart["chart"] and chart["points"] > 0, chart
        assert chart["painted"] > chart["pixels"] // 100, chart  # lines, not a blank canvas
    # The analysis and the charts (the check-in forms below them are the stock admin).
    bottom = page.locator("#charts").bounding_box()
    top_of_page = {
        "x": 0,
        "y": 0,
        "width": VIEWPORT["width"],
        "height": bottom["y"] + bottom["height"],
    }
    page.screenshot(path=screenshots / "dashboard-athlete.png", clip=top_of_page, full_page=True)
    page.screenshot(path=screenshots / "dashboard-athlete-full.png", full_page=True)

    # Acknowledge that flag from the athlete page, with a note.
    flag = orm(Flag.objects.get, athlete=athlete, code=code, status__in=Flag.ACTIVE)
    assert (flag.kind, flag.severity, flag.status) == ("red_flag", "urgent", "open")
    page.locator(f'#latest-analysis .flag-box[data-flag="{code}"] a.flag-link').click()
    page.wait_for_url(f"**/admin/assessments/flag/{flag.pk}/change/")
    note = "Phoned them: seen by a doctor today, no heavy leg training until cleared."
    page.fill("textarea[name=acknowledge_note]", note)
    page.screenshot(path=screenshots / "dashboard-flag.png", full_page=True)
    page.click("#acknowledge-flag")
    page.wait_for_url(lambda url: urlsplit(url).path == "/admin/assessments/flag/")
    page.screenshot(path=screenshots / "dashboard-flag-acknowledged.png")

    flag = orm(lambda: Flag.objects.select_related("acknowledged_by").get(pk=flag.pk))
    assert flag.status == Flag.Status.ACKNOWLEDGED
    assert flag.acknowledge_note == note
    assert flag.acknowledged_by.username == "headcoach" and flag.acknowledged_at is not None
    others = orm(lambda: set(Flag.objects.exclude(pk=flag.pk).values_list("status", flat=True)))
    assert others == {"open"}  # only the flag the coach acknowledged changed

    # Back on the start page the flag stays listed, now marked acknowledged.
    page.goto("/admin/")
    listed = page.locator(f'#attention-red-flags li[data-flag="{code}"]', has_text=athlete.name)
    assert listed.get_attribute("data-status") == "acknowledged"
    assert "acknowledged" in listed.locator(".meta").inner_text()


def test_coach_of_another_organization_gets_404(new_page, demo_club, screenshots):
    sara = demo_club["athletes"]["Sudden Sara"]
    page = new_page()
    sign_in(page, demo_club["stranger"], demo_club["stranger_password"])
    assert page.locator("#attention-red-flags a.athlete-link").count() == 0

    response = page.goto(f"/admin/coaching/athlete/{sara.pk}/change/")
    assert response.status == 404
    page.screenshot(path=screenshots / "dashboard-other-organization-404.png")
    assert page.locator("#latest-analysis").count() == 0
