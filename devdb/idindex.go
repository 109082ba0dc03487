package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"

	_ "modernc.org/sqlite" // the driver FerretDB itself uses
)

// FerretDB 1.24's SQLite backend turns a filter of exactly {_id: value} into
// `WHERE _ferretdb_sjson->'$._id' = ?`, but the unique `_id_` index it creates is on
// `_ferretdb_sjson->"_id"`. SQLite only uses an expression index for the very same expression, so
// every lookup, update and delete by _id scans the whole table (measured: 9 ms at 20k documents,
// 150 ms for a findAndModify). idIndexes adds an index on FerretDB's own query expression to each
// collection's table, which turns those into index searches. It changes nothing a client can see:
// the index is not listed by listIndexes, holds no constraint, and goes with its table on a drop.

// idIndexSuffix names our index; FerretDB names its own "<table>_<index name>", and MongoDB index
// names cannot contain a space, so ours cannot collide with one.
const idIndexSuffix = " devdb _id lookup"

type idIndexes struct {
	dataDir string
	l       *slog.Logger

	mu   sync.Mutex
	done map[string]bool // "db.collection" whose table has our index
}

func newIDIndexes(dataDir string, l *slog.Logger) *idIndexes {
	return &idIndexes{dataDir: dataDir, l: l, done: map[string]bool{}}
}

// ensureAll indexes every collection of every database already on disk (at start).
func (x *idIndexes) ensureAll(ctx context.Context) error {
	files, err := filepath.Glob(filepath.Join(x.dataDir, "*.sqlite"))
	if err != nil {
		return err
	}
	for _, f := range files {
		db := strings.TrimSuffix(filepath.Base(f), ".sqlite")
		if err := x.ensure(ctx, db, ""); err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
	}
	return nil
}

// known reports whether db.collection is already indexed, so the proxy can skip the work.
func (x *idIndexes) known(db, collection string) bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.done[db+"."+collection]
}

// ensure indexes db.collection, or every collection of db when collection is empty. A collection
// that does not exist (yet) is left alone: the next write that creates it comes back here.
func (x *idIndexes) ensure(ctx context.Context, db, collection string) error {
	if db == "" || strings.ContainsAny(db, `/\`) {
		return nil
	}
	path := filepath.Join(x.dataDir, db+".sqlite")
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil
	}
	// Opened for the occasion: a handle kept open would outlive a dropDatabase, which deletes the file.
	conn, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return err
	}
	defer conn.Close()

	q := `SELECT name, table_name FROM _ferretdb_collections`
	args := []any{}
	if collection != "" {
		q += ` WHERE name = ?`
		args = append(args, collection)
	}
	rows, err := conn.QueryContext(ctx, q, args...)
	if err != nil {
		if strings.Contains(err.Error(), "no such table") {
			return nil // a database FerretDB has not set up yet
		}
		return err
	}
	tables := map[string]string{}
	for rows.Next() {
		var name, table string
		if err := rows.Scan(&name, &table); err != nil {
			rows.Close()
			return err
		}
		tables[name] = table
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()

	for name, table := range tables {
		stmt := fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %q ON %q (_ferretdb_sjson->'$._id')`, table+idIndexSuffix, table)
		if _, err := conn.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("indexing %s.%s: %w", db, name, err)
		}
		x.mu.Lock()
		x.done[db+"."+name] = true
		x.mu.Unlock()
		x.l.Debug("_id lookup index ensured", "db", db, "collection", name)
	}
	return nil
}

// forget is told of drops and renames: a collection created again under the name needs the index again.
func (x *idIndexes) forget(db string) {
	x.mu.Lock()
	defer x.mu.Unlock()
	for key := range x.done {
		if db == "" || strings.HasPrefix(key, db+".") {
			delete(x.done, key)
		}
	}
}
