package tui_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
	"github.com/crmtui/crmtui/domain/i18n"
)

// TestToday_InviteAnsweredInOneKey: on the Invite question, y on an invite
// item logs the call, takes the item off the list and confirms the
// invitation; n on a chase item declines it, and a declined invitation is
// never chased again.
func TestToday_InviteAnsweredInOneKey(t *testing.T) {
	said := map[i18n.Lang]string{i18n.ZH: "答应参加", i18n.EN: "said yes to"}
	saidNo := map[i18n.Lang]string{i18n.ZH: "婉拒了", i18n.EN: "said no to"}
	forLangs(t, func(t *testing.T, lang i18n.Lang, w words) {
		f := newFixture(t)
		ag := f.agenda(t, fixedDay)
		var invite, chase agenda.Item
		for _, it := range ag.Invite {
			switch {
			case it.Rule == agenda.RuleInvite && invite.Key == "":
				invite = it
			case it.Rule == agenda.RuleChase && chase.Key == "":
				chase = it
			}
		}
		if invite.Key == "" || chase.Key == "" || ag.Invite[0].Key != invite.Key {
			t.Fatalf("the demo's Invite list should start with an invite and hold a chase: %+v", ag.Invite)
		}
		a := startApp(t, f.options(lang), 120, 40)
		a.waitText(fmt.Sprintf(w.progress, 0, ag.Total))
		a.key("2")
		a.waitText(fmt.Sprintf("%s %d", w.questions[1], len(ag.Invite)))
		a.key("y")
		a.waitText(said[lang]) // the count drops at once, then a reminder for the confirmed guest may come back
		inv := invitation(t, f, invite.Ref.EventID, invite.Ref.InvitationID)
		if inv.Status != domain.InvConfirmed || inv.Attempts != 1 {
			t.Errorf("after y: invitation %+v, want confirmed with one attempt", inv)
		}
		contacts, _ := f.store.Contacts(context.Background(), invite.CustomerID, 1)
		if len(contacts) == 0 || contacts[0].Purpose != domain.PurposeInvitation || contacts[0].ItemKey != invite.Key {
			t.Errorf("after y: last contact %+v, want the invitation call", contacts)
		}

		// The chase item. Confirming a guest of tomorrow's event adds a
		// reminder, so wait for the reloaded list before moving down to the
		// chase; the cursor stays on the first row.
		after := f.agenda(t, fixedDay)
		a.waitText(fmt.Sprintf("%s %d", w.questions[1], len(after.Invite)))
		pos := -1
		for i, it := range after.Invite {
			if it.Key == chase.Key {
				pos = i
			}
		}
		if pos < 0 {
			t.Fatalf("the chase %s left the agenda after the invite was answered", chase.Key)
		}
		for range pos {
			a.key("j")
		}
		a.key("n")
		a.waitText(saidNo[lang])
		inv = invitation(t, f, chase.Ref.EventID, chase.Ref.InvitationID)
		if inv.Status != domain.InvDeclined {
			t.Errorf("after n: invitation %s, want declined", inv.Status)
		}
		for _, day := range []domain.Date{fixedDay, fixedDay.AddDays(1)} {
			for _, it := range f.agenda(t, day).Invite {
				if it.Ref.InvitationID == chase.Ref.InvitationID {
					t.Errorf("%s: the declined invitation is still on the agenda as %s", day, it.Key)
				}
			}
		}
	})
}

func invitation(t *testing.T, f *fixture, eventID, id int64) domain.Invitation {
	t.Helper()
	invs, err := f.store.InvitationsOf(context.Background(), eventID)
	if err != nil {
		t.Fatal(err)
	}
	for _, inv := range invs {
		if inv.ID == id {
			return inv
		}
	}
	t.Fatalf("invitation %d not found", id)
	return domain.Invitation{}
}
