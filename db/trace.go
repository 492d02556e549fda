package db

import (
	"context"
	"database/sql/driver"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"

	"modernc.org/sqlite"
)

// SQL tracing (Options.TraceSQL).
//
// When a Store is opened with a TraceSQL writer, its *sql.DB is opened
// through traceConnector, which wraps the connections of modernc's own
// connector (sqlite.NewConnector, the driver registered as "sqlite"). Every
// statement run through a connection — QueryContext, ExecContext and the
// executions of prepared statements — is written to the writer as SQL that
// the sqlite3 shell can run: the arguments inlined as SQLite literals, the
// statement ended by ";\n". A query is written when its rows are closed,
// followed by a comment line with the number of rows read ("-- 12 rows"); a
// statement that failed is written commented out after a "-- error:" line.
// Each record arrives in a single Write call, so a writer can pick records
// apart without parsing SQL (crmtui debug agenda-sql keeps only the reads).
// Transactions' BEGIN and COMMIT are driver calls, not statements, and are
// not written.
//
// The wrapper keeps every optional interface of the wrapped connection that
// database/sql looks for, and where the wrapped connection lacks one it
// answers what database/sql would do without it (driver.ErrSkip for the
// direct Exec and Query, so that they go through Prepare; "valid" for
// IsValid; nothing for Ping and ResetSession). sql.Conn.Raw hands out the
// wrapper, not modernc's connection; the store does not use Raw.
//
// With TraceSQL nil the store opens with sql.Open as before: no wrapper, no
// cost.

// traceConnector opens traced connections.
type traceConnector struct {
	base driver.Connector
	t    *tracer
}

// newTraceConnector wraps modernc's connector for dsn.
func newTraceConnector(dsn string, w io.Writer) (driver.Connector, error) {
	base, err := sqlite.NewConnector(dsn)
	if err != nil {
		return nil, err
	}
	return &traceConnector{base: base, t: &tracer{w: w}}, nil
}

// Connect implements driver.Connector.
func (c *traceConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.base.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return &traceConn{c: conn, t: c.t}, nil
}

// Driver implements driver.Connector: the driver registered as "sqlite".
func (c *traceConnector) Driver() driver.Driver { return c.base.Driver() }

// tracer serialises the records written to w.
type tracer struct {
	mu sync.Mutex
	w  io.Writer
}

// exec records a statement that returned no rows to the caller.
func (t *tracer) exec(query string, args []driver.NamedValue, err error) {
	if err != nil {
		t.failed(query, args, err)
		return
	}
	t.write(inlineSQL(query, args) + ";\n")
}

// rows records a query once its rows are closed.
func (t *tracer) rows(stmt string, n int, err error) {
	rec := stmt + ";\n"
	if err != nil {
		rec += fmt.Sprintf("-- error after %d rows: %s\n", n, oneLine(err.Error()))
	} else if n == 1 {
		rec += "-- 1 row\n"
	} else {
		rec += fmt.Sprintf("-- %d rows\n", n)
	}
	t.write(rec)
}

// failed records a statement the driver refused, commented out so that a
// replay of the trace does not run it.
func (t *tracer) failed(query string, args []driver.NamedValue, err error) {
	var b strings.Builder
	b.WriteString("-- error: " + oneLine(err.Error()) + "\n")
	for _, line := range strings.Split(inlineSQL(query, args)+";", "\n") {
		b.WriteString("-- " + line + "\n")
	}
	t.write(b.String())
}

func (t *tracer) write(rec string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	io.WriteString(t.w, rec) // tracing must never fail a statement
}

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " ") }

// traceConn is a traced driver.Conn.
type traceConn struct {
	c driver.Conn
	t *tracer
}

var (
	_ driver.Conn               = (*traceConn)(nil)
	_ driver.ConnBeginTx        = (*traceConn)(nil)
	_ driver.ConnPrepareContext = (*traceConn)(nil)
	_ driver.ExecerContext      = (*traceConn)(nil)
	_ driver.QueryerContext     = (*traceConn)(nil)
	_ driver.Pinger             = (*traceConn)(nil)
	_ driver.SessionResetter    = (*traceConn)(nil)
	_ driver.Validator          = (*traceConn)(nil)
	_ driver.NamedValueChecker  = (*traceConn)(nil)
)

func (c *traceConn) Prepare(query string) (driver.Stmt, error) {
	st, err := c.c.Prepare(query)
	if err != nil {
		return nil, err
	}
	return &traceStmt{s: st, query: query, t: c.t}, nil
}

func (c *traceConn) Close() error { return c.c.Close() }

func (c *traceConn) Begin() (driver.Tx, error) {
	return c.c.Begin()
}

func (c *traceConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	if b, ok := c.c.(driver.ConnBeginTx); ok {
		return b.BeginTx(ctx, opts)
	}
	// What database/sql does for a driver without BeginTx.
	if opts.Isolation != driver.IsolationLevel(0) || opts.ReadOnly {
		return nil, errors.New("sql: driver does not support non-default isolation level or read-only transactions")
	}
	return c.c.Begin()
}

func (c *traceConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	var st driver.Stmt
	var err error
	if p, ok := c.c.(driver.ConnPrepareContext); ok {
		st, err = p.PrepareContext(ctx, query)
	} else {
		st, err = c.c.Prepare(query)
	}
	if err != nil {
		return nil, err
	}
	return &traceStmt{s: st, query: query, t: c.t}, nil
}

func (c *traceConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	e, ok := c.c.(driver.ExecerContext)
	if !ok {
		return nil, driver.ErrSkip // database/sql prepares instead: traced by traceStmt
	}
	r, err := e.ExecContext(ctx, query, args)
	if !errors.Is(err, driver.ErrSkip) {
		c.t.exec(query, args, err)
	}
	return r, err
}

func (c *traceConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	q, ok := c.c.(driver.QueryerContext)
	if !ok {
		return nil, driver.ErrSkip
	}
	r, err := q.QueryContext(ctx, query, args)
	if err != nil {
		if !errors.Is(err, driver.ErrSkip) {
			c.t.failed(query, args, err)
		}
		return nil, err
	}
	return &traceRows{r: r, stmt: inlineSQL(query, args), t: c.t}, nil
}

func (c *traceConn) Ping(ctx context.Context) error {
	if p, ok := c.c.(driver.Pinger); ok {
		return p.Ping(ctx)
	}
	return nil
}

func (c *traceConn) ResetSession(ctx context.Context) error {
	if r, ok := c.c.(driver.SessionResetter); ok {
		return r.ResetSession(ctx)
	}
	return nil
}

func (c *traceConn) IsValid() bool {
	if v, ok := c.c.(driver.Validator); ok {
		return v.IsValid()
	}
	return true
}

// CheckNamedValue defers to the wrapped connection's checker, or (ErrSkip)
// to database/sql's default conversion when it has none.
func (c *traceConn) CheckNamedValue(nv *driver.NamedValue) error {
	if n, ok := c.c.(driver.NamedValueChecker); ok {
		return n.CheckNamedValue(nv)
	}
	return driver.ErrSkip
}

// traceStmt is a traced prepared statement.
type traceStmt struct {
	s     driver.Stmt
	query string
	t     *tracer
}

var (
	_ driver.StmtExecContext   = (*traceStmt)(nil)
	_ driver.StmtQueryContext  = (*traceStmt)(nil)
	_ driver.NamedValueChecker = (*traceStmt)(nil)
)

func (s *traceStmt) Close() error  { return s.s.Close() }
func (s *traceStmt) NumInput() int { return s.s.NumInput() }

func (s *traceStmt) Exec(args []driver.Value) (driver.Result, error) {
	r, err := s.s.Exec(args)
	s.t.exec(s.query, valuesToNamed(args), err)
	return r, err
}

func (s *traceStmt) Query(args []driver.Value) (driver.Rows, error) {
	nargs := valuesToNamed(args)
	r, err := s.s.Query(args)
	if err != nil {
		s.t.failed(s.query, nargs, err)
		return nil, err
	}
	return &traceRows{r: r, stmt: inlineSQL(s.query, nargs), t: s.t}, nil
}

func (s *traceStmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	var r driver.Result
	var err error
	if e, ok := s.s.(driver.StmtExecContext); ok {
		r, err = e.ExecContext(ctx, args)
	} else {
		var vals []driver.Value
		if vals, err = namedToValues(args); err == nil {
			r, err = s.s.Exec(vals)
		}
	}
	s.t.exec(s.query, args, err)
	return r, err
}

func (s *traceStmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	var r driver.Rows
	var err error
	if q, ok := s.s.(driver.StmtQueryContext); ok {
		r, err = q.QueryContext(ctx, args)
	} else {
		var vals []driver.Value
		if vals, err = namedToValues(args); err == nil {
			r, err = s.s.Query(vals)
		}
	}
	if err != nil {
		s.t.failed(s.query, args, err)
		return nil, err
	}
	return &traceRows{r: r, stmt: inlineSQL(s.query, args), t: s.t}, nil
}

func (s *traceStmt) CheckNamedValue(nv *driver.NamedValue) error {
	if n, ok := s.s.(driver.NamedValueChecker); ok {
		return n.CheckNamedValue(nv)
	}
	return driver.ErrSkip
}

func valuesToNamed(args []driver.Value) []driver.NamedValue {
	out := make([]driver.NamedValue, len(args))
	for i, v := range args {
		out[i] = driver.NamedValue{Ordinal: i + 1, Value: v}
	}
	return out
}

func namedToValues(args []driver.NamedValue) ([]driver.Value, error) {
	out := make([]driver.Value, len(args))
	for i, a := range args {
		if a.Name != "" {
			return nil, errors.New("sql: driver does not support the use of Named Parameters")
		}
		out[i] = a.Value
	}
	return out, nil
}

// traceRows counts the rows read and writes the query when closed.
type traceRows struct {
	r    driver.Rows
	stmt string // the query with its arguments inlined, made when it ran
	t    *tracer
	n    int
	err  error
	once sync.Once
}

var (
	_ driver.RowsNextResultSet              = (*traceRows)(nil)
	_ driver.RowsColumnTypeScanType         = (*traceRows)(nil)
	_ driver.RowsColumnTypeDatabaseTypeName = (*traceRows)(nil)
	_ driver.RowsColumnTypeLength           = (*traceRows)(nil)
	_ driver.RowsColumnTypeNullable         = (*traceRows)(nil)
	_ driver.RowsColumnTypePrecisionScale   = (*traceRows)(nil)
)

func (r *traceRows) Columns() []string { return r.r.Columns() }

func (r *traceRows) Next(dest []driver.Value) error {
	err := r.r.Next(dest)
	switch {
	case err == nil:
		r.n++
	case err != io.EOF:
		r.err = err
	}
	return err
}

func (r *traceRows) Close() error {
	err := r.r.Close()
	r.once.Do(func() { r.t.rows(r.stmt, r.n, r.err) })
	return err
}

// The rest forwards, answering as database/sql does for rows without them.

func (r *traceRows) HasNextResultSet() bool {
	if x, ok := r.r.(driver.RowsNextResultSet); ok {
		return x.HasNextResultSet()
	}
	return false
}

func (r *traceRows) NextResultSet() error {
	if x, ok := r.r.(driver.RowsNextResultSet); ok {
		return x.NextResultSet()
	}
	return io.EOF
}

func (r *traceRows) ColumnTypeScanType(i int) reflect.Type {
	if x, ok := r.r.(driver.RowsColumnTypeScanType); ok {
		return x.ColumnTypeScanType(i)
	}
	return reflect.TypeFor[any]()
}

func (r *traceRows) ColumnTypeDatabaseTypeName(i int) string {
	if x, ok := r.r.(driver.RowsColumnTypeDatabaseTypeName); ok {
		return x.ColumnTypeDatabaseTypeName(i)
	}
	return ""
}

func (r *traceRows) ColumnTypeLength(i int) (int64, bool) {
	if x, ok := r.r.(driver.RowsColumnTypeLength); ok {
		return x.ColumnTypeLength(i)
	}
	return 0, false
}

func (r *traceRows) ColumnTypeNullable(i int) (bool, bool) {
	if x, ok := r.r.(driver.RowsColumnTypeNullable); ok {
		return x.ColumnTypeNullable(i)
	}
	return false, false
}

func (r *traceRows) ColumnTypePrecisionScale(i int) (int64, int64, bool) {
	if x, ok := r.r.(driver.RowsColumnTypePrecisionScale); ok {
		return x.ColumnTypePrecisionScale(i)
	}
	return 0, 0, false
}

// inlineSQL returns query with each parameter replaced by its argument as a
// SQLite literal, as modernc's driver would bind it. Parameters are found
// the way SQLite numbers them: ?NNN is NNN, a bare ? is one more than the
// largest index so far, a :name, @name or $name gets the next index on its
// first use; numbering starts again after each ';' (modernc runs each
// statement of a script with the same arguments). Text inside quotes,
// identifiers in double quotes, backquotes or brackets and comments is copied untouched. A parameter
// without an argument is left as it is. Trailing ';' and spaces are dropped:
// the caller adds the terminator.
func inlineSQL(query string, args []driver.NamedValue) string {
	var b strings.Builder
	b.Grow(len(query) + 16*len(args))
	maxIdx := 0
	names := map[string]int{}
	endsInLineComment := false
	q := strings.TrimRight(query, " \t\r\n;")
	for i := 0; i < len(q); {
		c := q[i]
		switch {
		case c == '\'' || c == '"' || c == '`':
			j := i + 1
			for j < len(q) {
				if q[j] == c {
					if j+1 < len(q) && q[j+1] == c { // doubled quote
						j += 2
						continue
					}
					break
				}
				j++
			}
			j = min(j+1, len(q))
			b.WriteString(q[i:j])
			i = j
		case c == '[':
			j := strings.IndexByte(q[i:], ']')
			if j < 0 {
				j = len(q) - i - 1
			}
			b.WriteString(q[i : i+j+1])
			i += j + 1
		case c == '-' && i+1 < len(q) && q[i+1] == '-':
			j := strings.IndexByte(q[i:], '\n')
			if j < 0 {
				b.WriteString(q[i:])
				endsInLineComment = true
				i = len(q)
				continue
			}
			b.WriteString(q[i : i+j+1])
			i += j + 1
		case c == '/' && i+1 < len(q) && q[i+1] == '*':
			j := strings.Index(q[i+2:], "*/")
			end := len(q)
			if j >= 0 {
				end = i + 2 + j + 2
			}
			b.WriteString(q[i:end])
			i = end
		case isIdentStart(c):
			j := i + 1
			for j < len(q) && isIdentPart(q[j]) {
				j++
			}
			b.WriteString(q[i:j])
			i = j
		case c == ';':
			maxIdx = 0
			clear(names)
			b.WriteByte(c)
			i++
		case c == '?':
			j := i + 1
			for j < len(q) && q[j] >= '0' && q[j] <= '9' {
				j++
			}
			var name string
			var idx int
			if j > i+1 {
				name = q[i:j]
				idx, _ = strconv.Atoi(q[i+1 : j])
				maxIdx = max(maxIdx, idx)
			} else {
				maxIdx++
				idx = maxIdx
			}
			writeParam(&b, q[i:j], name, idx, args)
			i = j
		case (c == ':' || c == '@' || c == '$') && i+1 < len(q) && isIdentPart(q[i+1]):
			j := i + 1
			for j < len(q) && isIdentPart(q[j]) && q[j] != '$' {
				j++
			}
			name := q[i:j]
			idx, seen := names[name]
			if !seen {
				maxIdx++
				idx = maxIdx
				names[name] = idx
			}
			writeParam(&b, name, name, idx, args)
			i = j
		default:
			b.WriteByte(c)
			i++
		}
	}
	if endsInLineComment {
		b.WriteByte('\n')
	}
	return b.String()
}

func isIdentStart(c byte) bool {
	return c == '_' || c >= 0x80 || (c|0x20 >= 'a' && c|0x20 <= 'z')
}

func isIdentPart(c byte) bool {
	return isIdentStart(c) || c == '$' || (c >= '0' && c <= '9')
}

// writeParam writes the argument modernc's driver binds to the parameter
// (its argFinder: a bare ? takes the argument of its index, ?NNN and $NNN
// the argument of ordinal NNN, a name the first argument of that name), or
// the parameter's text when there is none.
func writeParam(b *strings.Builder, text, name string, idx int, args []driver.NamedValue) {
	ord := idx
	if name != "" {
		ord = 0
		if (name[0] == '?' || name[0] == '$') && len(name) > 1 && name[1] >= '1' && name[1] <= '9' {
			if k, err := strconv.Atoi(name[1:]); err == nil {
				ord = k
			}
		}
	}
	j := -1
	for k := range args {
		if ord >= 1 && args[k].Ordinal == ord {
			j = k
			break
		}
	}
	if name != "" {
		for k := range args {
			if args[k].Name != "" && args[k].Name == name[1:] {
				if j < 0 || k < j {
					j = k
				}
				break
			}
		}
	}
	if j < 0 {
		b.WriteString(text)
		return
	}
	b.WriteString(sqlLiteral(args[j].Value))
}

// sqlLiteral writes v as the SQLite literal that has the value modernc's
// driver binds for it.
func sqlLiteral(v driver.Value) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case int64:
		if x < 0 {
			return "(" + strconv.FormatInt(x, 10) + ")" // never "--": that would start a comment
		}
		return strconv.FormatInt(x, 10)
	case float64:
		switch {
		case math.IsNaN(x):
			return "NULL" // SQLite binds a NaN as NULL
		case math.IsInf(x, 1):
			return "9e999"
		case math.IsInf(x, -1):
			return "(-9e999)"
		}
		s := strconv.FormatFloat(x, 'g', -1, 64)
		if !strings.ContainsAny(s, ".e") {
			s += ".0" // stays a REAL: 3 would be an INTEGER
		}
		if x < 0 || (x == 0 && math.Signbit(x)) {
			return "(" + s + ")"
		}
		return s
	case bool:
		if x {
			return "1"
		}
		return "0"
	case []byte:
		return "X'" + hex.EncodeToString(x) + "'"
	case string:
		return textLiteral(x)
	case time.Time:
		// modernc binds a time as text; without a _time_format in the DSN
		// (the store sets none, and passes its own times as strings, see
		// values.go) the text is time.Time.String().
		return textLiteral(x.String())
	default:
		return textLiteral(fmt.Sprint(x))
	}
}

// textLiteral quotes s as SQL text; text holding a NUL byte, which a quoted
// literal cannot carry, is written as a cast blob.
func textLiteral(s string) string {
	if strings.IndexByte(s, 0) >= 0 {
		return "CAST(X'" + hex.EncodeToString([]byte(s)) + "' AS TEXT)"
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}
