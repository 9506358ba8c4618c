"""Overall risk-of-bias judgements against the criteria tables of each tool's published guidance."""
import pytest

from review.appraisal.rob import BUILTIN
from review.appraisal.rob.custom import build_tool, validate_tool
from review.store.errors import Invalid

ROB2, ROBINS_I, ROBINS_E = BUILTIN["rob2"], BUILTIN["robins_i"], BUILTIN["robins_e"]


def judge(tool, *levels):
    return tool.overall({d.key: level for d, level in zip(tool.domains, levels)})


def test_tools_have_their_published_domains():
    assert len(ROB2.domains) == 5 and len(ROBINS_I.domains) == 7 and len(ROBINS_E.domains) == 7
    assert ROB2.domains[0].questions[0] == ("1.1", "Was the allocation sequence random?")
    assert ROBINS_E.domains[1].name == "Bias arising from measurement of the exposure"


@pytest.mark.parametrize("levels, expected", [
    # Sterne 2019 table 2: low only when every domain is low
    (("low",) * 5, "low"),
    # some concerns in one domain, high in none
    (("low", "some_concerns", "low", "low", "low"), "some_concerns"),
    # high in at least one domain, whatever the others
    (("low", "low", "high", "low", "low"), "high"),
    (("some_concerns", "low", "low", "low", "high"), "high"),
])
def test_rob2_overall(levels, expected):
    assert judge(ROB2, *levels).judgement == expected


def test_rob2_several_some_concerns_proposes_some_concerns_and_asks_the_reviewer():
    result = judge(ROB2, "some_concerns", "some_concerns", "low", "some_concerns", "low")
    assert result.judgement == "some_concerns"
    assert "some concerns in 3 domains" in result.note and "high" in result.note


def test_overall_waits_for_every_domain():
    result = ROB2.overall({"d1": "low", "d2": "low"})
    assert result.judgement is None and "Bias in measurement of the outcome" in result.note


@pytest.mark.parametrize("levels, expected", [
    # Sterne 2016 table 2 (ROBINS-I): the most severe domain judgement
    (("low",) * 7, "low"),
    (("low", "moderate", "low", "low", "moderate", "low", "low"), "moderate"),
    (("moderate", "low", "serious", "low", "low", "moderate", "low"), "serious"),
    (("serious", "critical", "low", "low", "low", "low", "low"), "critical"),
    # no information in a domain, nothing serious or critical
    (("moderate", "low", "no_information", "low", "low", "low", "low"), "no_information"),
    # serious outranks a lack of information
    (("serious", "low", "no_information", "low", "low", "low", "low"), "serious"),
])
def test_robins_i_overall(levels, expected):
    assert judge(ROBINS_I, *levels).judgement == expected


@pytest.mark.parametrize("levels, expected", [
    # Higgins 2024 (ROBINS-E): low / some concerns / high / very high
    (("low",) * 7, "low"),
    (("some_concerns", "low", "low", "low", "low", "low", "some_concerns"), "some_concerns"),
    (("some_concerns", "high", "low", "low", "low", "low", "low"), "high"),
    (("high", "low", "very_high", "low", "low", "low", "low"), "very_high"),
])
def test_robins_e_overall(levels, expected):
    assert judge(ROBINS_E, *levels).judgement == expected


def test_robins_e_several_high_domains_suggest_very_high():
    result = judge(ROBINS_E, "high", "high", "low", "low", "low", "low", "low")
    assert result.judgement == "high" and "very high" in result.note


def test_custom_tool_uses_most_severe_level():
    tool = build_tool(1, validate_tool({"name": "JBI cross-sectional", "levels": ["Low", "Unclear", "High"],
                                        "domains": [{"name": "Sample"}, {"name": "Exposure", "questions": ["Valid?"]}]}))
    assert tool.key == "custom:1" and tool.domains[1].questions == (("2.1", "Valid?"),)
    low, unclear, high = tool.level_keys()
    assert tool.overall({"d1": low, "d2": unclear}).judgement == unclear
    assert tool.overall({"d1": high, "d2": unclear}).judgement == high


@pytest.mark.parametrize("definition, message", [
    ({"name": "", "levels": ["a", "b"], "domains": [{"name": "x"}]}, "needs a name"),
    ({"name": "T", "levels": ["only"], "domains": [{"name": "x"}]}, "2 to 6 different judgement levels"),
    ({"name": "T", "levels": ["a", "b"], "domains": []}, "at least one domain"),
])
def test_custom_tool_design_is_checked(definition, message):
    with pytest.raises(Invalid, match=message):
        validate_tool(definition)
