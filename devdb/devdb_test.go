package main

import (
	"context"
	"database/sql"
	"encoding/binary"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
)

// bsonDoc encodes a flat document of string and int32 values, in order.
func bsonDoc(kv ...any) []byte {
	var body []byte
	for i := 0; i < len(kv); i += 2 {
		key := kv[i].(string)
		switch v := kv[i+1].(type) {
		case string:
			body = append(body, 0x02)
			body = append(body, key...)
			body = append(body, 0)
			body = binary.LittleEndian.AppendUint32(body, uint32(len(v)+1))
			body = append(body, v...)
			body = append(body, 0)
		case int32:
			body = append(body, 0x10)
			body = append(body, key...)
			body = append(body, 0)
			body = binary.LittleEndian.AppendUint32(body, uint32(v))
		case []byte: // an embedded document
			body = append(body, 0x03)
			body = append(body, key...)
			body = append(body, 0)
			body = append(body, v...)
		}
	}
	doc := binary.LittleEndian.AppendUint32(nil, uint32(len(body)+5))
	doc = append(doc, body...)
	return append(doc, 0)
}

// opMsg wraps sections into an OP_MSG with a header.
func newOpMsg(sections ...[]byte) []byte {
	msg := make([]byte, msgHeaderLen+4)
	binary.LittleEndian.PutUint32(msg[12:16], opMsg)
	for _, s := range sections {
		msg = append(msg, s...)
	}
	binary.LittleEndian.PutUint32(msg[0:4], uint32(len(msg)))
	return msg
}

func bodySection(doc []byte) []byte { return append([]byte{0}, doc...) }

func sequenceSection(id string, docs ...[]byte) []byte {
	payload := append([]byte(id), 0)
	for _, d := range docs {
		payload = append(payload, d...)
	}
	s := []byte{1}
	s = binary.LittleEndian.AppendUint32(s, uint32(len(payload)+4))
	return append(s, payload...)
}

func TestParseCommand(t *testing.T) {
	cases := []struct {
		name string
		msg  []byte
		want command
	}{
		{
			"a find is a read",
			newOpMsg(bodySection(bsonDoc("find", "messages", "filter", bsonDoc("_id", "c:1"), "$db", "parley"))),
			command{name: "find", db: "parley", collection: "messages", kind: kindRead},
		},
		{
			"findAndModify is a write to its collection, whatever its case",
			newOpMsg(bodySection(bsonDoc("findAndModify", "conversations", "limit", int32(1), "$db", "p"))),
			command{name: "findandmodify", db: "p", collection: "conversations", kind: kindWrite},
		},
		{
			"an insert whose documents ride in a document sequence",
			newOpMsg(
				sequenceSection("documents", bsonDoc("_id", "a"), bsonDoc("_id", "b")),
				bodySection(bsonDoc("insert", "messages", "$db", "parley")),
			),
			command{name: "insert", db: "parley", collection: "messages", kind: kindWrite},
		},
		{
			"createIndexes runs alone",
			newOpMsg(bodySection(bsonDoc("createIndexes", "messages", "$db", "parley"))),
			command{name: "createindexes", db: "parley", collection: "messages", kind: kindSchema},
		},
		{
			"dropDatabase runs alone",
			newOpMsg(bodySection(bsonDoc("dropDatabase", int32(1), "$db", "t1"))),
			command{name: "dropdatabase", db: "t1", kind: kindSchema},
		},
		{
			"an unknown command runs alone",
			newOpMsg(bodySection(bsonDoc("somethingNew", "x", "$db", "p"))),
			command{name: "somethingnew", db: "p", collection: "x", kind: kindSchema},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseCommand(tc.msg)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Fatalf("got %+v, want %+v", got, tc.want)
			}
		})
	}

	if _, err := parseCommand(newOpMsg([]byte{0, 200, 0, 0, 0})); err == nil {
		t.Fatal("a body longer than the message must be refused")
	}
}

// TestIDIndexServesFerretDBLookups builds a database laid out as FerretDB 1.24's SQLite backend lays
// it out (a `_ferretdb_collections` table and one table per collection with its `_id_` index) and
// checks that, once indexed, the statements FerretDB issues for {_id: value} search an index instead
// of scanning the table. The statements are FerretDB's own (backends/sqlite/collection.go), with
// metadata.IDColumn spelled out.
func TestIDIndexServesFerretDBLookups(t *testing.T) {
	dir := t.TempDir()
	open := func() *sql.DB {
		conn, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "parley.sqlite"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { conn.Close() })
		return conn
	}
	conn := open()
	for _, stmt := range []string{
		`CREATE TABLE "_ferretdb_collections" (name TEXT NOT NULL UNIQUE, table_name TEXT NOT NULL UNIQUE, settings TEXT NOT NULL) STRICT`,
		`INSERT INTO "_ferretdb_collections" VALUES ('messages', 'messages_1a2b3c4d', '{}')`,
		`CREATE TABLE "messages_1a2b3c4d" (_ferretdb_sjson TEXT NOT NULL CHECK(_ferretdb_sjson != '')) STRICT`,
		`CREATE UNIQUE INDEX "messages_1a2b3c4d__id_" ON "messages_1a2b3c4d" (_ferretdb_sjson->"_id")`,
	} {
		if _, err := conn.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}

	ferretStatements := []string{
		`SELECT _ferretdb_sjson FROM "messages_1a2b3c4d" WHERE _ferretdb_sjson->'$._id' = ?`,
		`UPDATE "messages_1a2b3c4d" SET _ferretdb_sjson = ? WHERE _ferretdb_sjson->'$._id' = ?`,
		`DELETE FROM "messages_1a2b3c4d" WHERE _ferretdb_sjson->'$._id' IN (?)`,
	}
	// A fresh connection each time: one opened earlier may keep planning with the schema it read then.
	plan := func(stmt string) string {
		args := make([]any, strings.Count(stmt, "?"))
		for i := range args {
			args[i] = `"c:1"`
		}
		rows, err := open().Query("EXPLAIN QUERY PLAN "+stmt, args...)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var id, parent, notused int
			var detail string
			if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
				t.Fatal(err)
			}
			out = append(out, detail)
		}
		return strings.Join(out, "; ")
	}

	// FerretDB's own index does not match its query expression: without ours, every lookup scans.
	for _, stmt := range ferretStatements {
		if p := plan(stmt); !strings.Contains(p, "SCAN") {
			t.Fatalf("expected a scan before indexing, got %q for %s", p, stmt)
		}
	}

	ids := newIDIndexes(dir, slog.New(slog.DiscardHandler))
	if err := ids.ensureAll(context.Background()); err != nil {
		t.Fatal(err)
	}
	if !ids.known("parley", "messages") {
		t.Fatal("messages should be known as indexed")
	}
	for _, stmt := range ferretStatements {
		if p := plan(stmt); !strings.Contains(p, "USING INDEX messages_1a2b3c4d"+idIndexSuffix) {
			t.Fatalf("expected a search of our index, got %q for %s", p, stmt)
		}
	}

	// Idempotent, and a drop makes the collection unknown again.
	if err := ids.ensure(context.Background(), "parley", "messages"); err != nil {
		t.Fatal(err)
	}
	ids.forget("parley")
	if ids.known("parley", "messages") {
		t.Fatal("a dropped database's collections must be indexed again when they come back")
	}
}
