package cmd

import (
	"path/filepath"

	dbm "github.com/cosmos/cosmos-db"
	"github.com/syndtr/goleveldb/leveldb/filter"
	"github.com/syndtr/goleveldb/leveldb/opt"
)

// appLevelDBOptions are the goleveldb options of the application database.
// goleveldb's defaults (a 4 MiB write buffer, 2 MiB tables, 10 MiB for level
// 1, an 8 MiB block cache) suit small databases. With tens of thousands of
// tasks in the state, each 4 MiB flush holds keys from across the whole key
// space (IAVL's fast nodes are keyed by the store's keys), so it is merged
// with all of level 1, which under sustained load grew to about 100 MiB: 29
// bytes compacted per byte flushed (BENCHMARKS.md, "Databases per result"). A
// 64 MiB write buffer merges sixteen times the data per rewrite of level 1,
// and 8 MiB tables let level 1 drain into level 2 faster. The block cache
// holds the IAVL nodes that block execution reads under the ABCI lock (the
// nodes IAVL's own cache lacks) decoded: no read, checksum or snappy decoding
// per lookup. Seek-triggered compactions (goleveldb compacts a table that
// reads often miss) are off: under IAVL's lookups they rewrite tables for no
// gain in space. The bloom filter is the SDK's. None of this changes what is
// stored: a home opened with goleveldb's defaults (`hyrad export`,
// `rollback`) reads the same data.
func appLevelDBOptions() *opt.Options {
	return &opt.Options{
		Filter:                 filter.NewBloomFilter(10),
		WriteBuffer:            64 * opt.MiB,
		CompactionTableSize:    8 * opt.MiB,
		DisableSeeksCompaction: true,
		BlockCacheCapacity:     128 * opt.MiB,
	}
}

// openAppDB opens the application database as the SDK does, with
// appLevelDBOptions when it is goleveldb (app.toml's app-db-backend, or
// config.toml's db_backend when that is empty).
func openAppDB(rootDir string, backend dbm.BackendType) (dbm.DB, error) {
	dataDir := filepath.Join(rootDir, "data")
	if backend == dbm.GoLevelDBBackend {
		return dbm.NewGoLevelDBWithOpts("application", dataDir, appLevelDBOptions())
	}
	return dbm.NewDB("application", backend, dataDir)
}
