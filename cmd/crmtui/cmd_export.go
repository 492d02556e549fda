package main

import "context"

func (a *app) cmdExportCustomers(ctx context.Context, args []string) error { return errNotYet }
func (a *app) cmdExportPurchases(ctx context.Context, args []string) error { return errNotYet }
func (a *app) cmdExportContacts(ctx context.Context, args []string) error  { return errNotYet }
func (a *app) cmdExportRecords(ctx context.Context, args []string) error   { return errNotYet }
func (a *app) cmdExportVCard(ctx context.Context, args []string) error     { return errNotYet }
func (a *app) cmdCustomerExport(ctx context.Context, args []string) error  { return errNotYet }
func (a *app) cmdCustomerDelete(ctx context.Context, args []string) error  { return errNotYet }
func (a *app) cmdBackup(ctx context.Context, args []string) error          { return errNotYet }
func (a *app) cmdRestore(ctx context.Context, args []string) error         { return errNotYet }
