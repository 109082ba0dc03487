package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"strings"
)

// commandKind says how a command must be ordered against the others.
type commandKind int

const (
	// kindRead never changes data: it runs at once, beside anything else.
	kindRead commandKind = iota
	// kindWrite changes documents of one collection: writes to that collection run one at a time.
	kindWrite
	// kindSchema creates, drops or renames collections, databases or indexes (and anything we do not
	// recognise): it runs alone.
	kindSchema
)

// command is what the proxy needs to know of a request: which command, on which database and collection.
type command struct {
	name       string // lower-cased, e.g. "findandmodify"
	db         string
	collection string
	kind       commandKind
}

// Commands that only read. Everything not listed here and not a document write is treated as a
// schema change, so a command we did not think of errs on the safe side.
var readCommands = map[string]bool{
	"find": true, "getmore": true, "count": true, "distinct": true, "aggregate": true,
	"killcursors": true, "endsessions": true, "ping": true, "hello": true, "ismaster": true,
	"buildinfo": true, "listcollections": true, "listindexes": true, "listdatabases": true,
	"explain": true, "dbstats": true, "collstats": true, "datasize": true, "serverstatus": true,
	"hostinfo": true, "getparameter": true, "getcmdlineopts": true, "getlog": true, "whatsmyuri": true,
	"connectionstatus": true, "saslstart": true, "saslcontinue": true, "currentop": true,
	"getfreemonitoringstatus": true, "validate": true, "listcommands": true, "usersinfo": true,
}

// Commands that change documents of the collection they name.
var writeCommands = map[string]bool{"insert": true, "update": true, "delete": true, "findandmodify": true}

// parseCommand reads the command out of an OP_MSG request: the first element of its body (kind 0)
// section names the command and, for collection commands, the collection; `$db` names the database.
// Other opcodes (the legacy OP_QUERY handshake) are reads.
func parseCommand(msg []byte) (command, error) {
	if len(msg) < msgHeaderLen+5 || binary.LittleEndian.Uint32(msg[12:16]) != opMsg {
		return command{kind: kindRead}, nil
	}
	rest := msg[msgHeaderLen+4:] // after the flag bits
	for len(rest) > 0 {
		kind := rest[0]
		rest = rest[1:]
		switch kind {
		case 0:
			return commandFromBody(rest)
		case 1: // document sequence: int32 size (itself included), identifier, documents
			if len(rest) < 4 {
				return command{}, errMalformed
			}
			size := int(binary.LittleEndian.Uint32(rest))
			if size < 4 || size > len(rest) {
				return command{}, errMalformed
			}
			rest = rest[size:]
		default:
			return command{}, errMalformed
		}
	}
	return command{}, errMalformed
}

var errMalformed = errors.New("malformed OP_MSG")

func commandFromBody(doc []byte) (command, error) {
	if len(doc) < 5 {
		return command{}, errMalformed
	}
	size := int(binary.LittleEndian.Uint32(doc))
	if size < 5 || size > len(doc) {
		return command{}, errMalformed
	}
	var c command
	elems := doc[4 : size-1]
	first := true
	for len(elems) > 0 {
		typ := elems[0]
		end := bytes.IndexByte(elems[1:], 0)
		if end < 0 {
			return command{}, errMalformed
		}
		key := string(elems[1 : 1+end])
		value := elems[2+end:]
		n, err := valueSize(typ, value)
		if err != nil {
			return command{}, err
		}
		if first {
			c.name = strings.ToLower(key)
			if typ == 0x02 {
				c.collection = bsonString(value[:n])
			}
			first = false
		} else if key == "$db" && typ == 0x02 {
			c.db = bsonString(value[:n])
		}
		elems = value[n:]
	}
	switch {
	case readCommands[c.name]:
		c.kind = kindRead
	case writeCommands[c.name]:
		c.kind = kindWrite
	default:
		c.kind = kindSchema
	}
	return c, nil
}

// bsonString decodes a BSON string value: int32 length (NUL included), bytes, NUL.
func bsonString(v []byte) string {
	if len(v) < 5 {
		return ""
	}
	return string(v[4 : len(v)-1])
}

// Sizes of the BSON types whose values have a fixed length.
var fixedSizes = map[byte]int{
	0x01: 8, 0x06: 0, 0x07: 12, 0x08: 1, 0x09: 8, 0x0A: 0, 0x10: 4, 0x11: 8, 0x12: 8, 0x13: 16, 0xFF: 0, 0x7F: 0,
}

// valueSize is the encoded size of a BSON value of type typ at the start of v.
func valueSize(typ byte, v []byte) (int, error) {
	n, ok := fixedSizes[typ]
	switch {
	case ok:
	case typ == 0x02 || typ == 0x0D || typ == 0x0E: // string, JavaScript, symbol
		if len(v) < 4 {
			return 0, errMalformed
		}
		n = 4 + int(binary.LittleEndian.Uint32(v))
	case typ == 0x03 || typ == 0x04 || typ == 0x0F: // document, array, code with scope
		if len(v) < 4 {
			return 0, errMalformed
		}
		n = int(binary.LittleEndian.Uint32(v))
	case typ == 0x05: // binary: int32 length, subtype, bytes
		if len(v) < 4 {
			return 0, errMalformed
		}
		n = 5 + int(binary.LittleEndian.Uint32(v))
	case typ == 0x0B: // regex: two cstrings
		a := bytes.IndexByte(v, 0)
		if a < 0 {
			return 0, errMalformed
		}
		b := bytes.IndexByte(v[a+1:], 0)
		if b < 0 {
			return 0, errMalformed
		}
		n = a + b + 2
	case typ == 0x0C: // DBPointer: string, 12-byte id
		if len(v) < 4 {
			return 0, errMalformed
		}
		n = 4 + int(binary.LittleEndian.Uint32(v)) + 12
	default:
		return 0, errMalformed
	}
	if n < 0 || n > len(v) {
		return 0, errMalformed
	}
	return n, nil
}
