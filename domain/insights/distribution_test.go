package insights

import (
	"testing"

	"github.com/crmtui/crmtui/domain"
)

func TestComputeDistribution(t *testing.T) {
	rows := []RFMRow{
		{OwnerID: 1, Class: domain.ClassImportant, Stage: domain.StageActive},
		{OwnerID: 1, Class: domain.ClassNew, Stage: domain.StageNew},
		{OwnerID: 2, Class: domain.ClassImportant, Stage: domain.StageDormant},
		{OwnerID: 0, Class: domain.ClassProspect, Stage: domain.StageProspect},
	}
	sales := []SalesRow{
		{SalespersonID: 1, Count: 3, Amount: 30000},
		{SalespersonID: 1, Promotion: true, Count: 1, Amount: 5000},
		{SalespersonID: 2, Count: 2, Amount: 10000},
		{SalespersonID: 2, Count: 1, Amount: -2000}, // a day with a return only
	}
	d := ComputeDistribution(rows, sales)
	if d.Store.Total != 4 || d.Store.Classes[domain.ClassImportant] != 2 || d.Store.Stages[domain.StageProspect] != 1 {
		t.Errorf("store %+v", d.Store)
	}
	if m := d.BySalesperson[1]; m.Total != 2 || m.Classes[domain.ClassNew] != 1 || m.Stages[domain.StageActive] != 1 {
		t.Errorf("salesperson 1 %+v", m)
	}
	if d.BySalesperson[0].Total != 1 {
		t.Errorf("customers without an owner: %+v", d.BySalesperson[0])
	}
	if s := d.Sales; s.DailyAmount != 38000 || s.PromotionAmount != 5000 || s.DailyCount != 6 || s.PromotionCount != 1 || s.Total() != 43000 {
		t.Errorf("store sales %+v", s)
	}
	if s := d.SalesBy[2]; s.DailyAmount != 8000 || s.PromotionAmount != 0 {
		t.Errorf("salesperson 2 sales %+v", s)
	}
}
