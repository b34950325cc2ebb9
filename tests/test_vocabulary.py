from twitchwise.vocabulary import Disposition


def test_dispositions_compare_by_urgency_not_alphabetically() -> None:
    assert Disposition.ROUTINE < Disposition.EMERGENCY
    assert not Disposition.ROUTINE >= Disposition.EMERGENCY
    assert Disposition.URGENT > Disposition.SELF_CARE
    assert Disposition.EMERGENCY >= Disposition.EMERGENCY
    assert sorted(Disposition, reverse=True)[0] is Disposition.EMERGENCY
    assert [d.value for d in Disposition] == ["self_care", "routine", "urgent", "emergency"]
