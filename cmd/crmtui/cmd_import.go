package main

import (
	"context"
	"errors"
)

// errNotYet marks a command whose work has not landed yet.
var errNotYet = errors.New("not available yet")

func (a *app) cmdImportCustomers(ctx context.Context, args []string) error { return errNotYet }
func (a *app) cmdImportPurchases(ctx context.Context, args []string) error { return errNotYet }
func (a *app) cmdImportContacts(ctx context.Context, args []string) error  { return errNotYet }
