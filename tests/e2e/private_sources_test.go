package e2e_test

import (
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	dbm "github.com/cosmos/cosmos-db"
	"github.com/spf13/viper"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/server"
)

// The places a third party can read, as the scan names them: the node's REST API, its
// CometBFT RPC (blocks, transactions, the mempool), the events of every block and
// transaction, every file and database entry of its data directory, and its log.
const (
	srcREST    = "rest"
	srcRPC     = "rpc"
	srcEvents  = "events"
	srcMempool = "mempool"
	srcDataDir = "datadir/" // + the entry of the data directory: blockstore.db, cs.wal, ...
	srcNodeLog = "node log"
)

// fetch GETs url and returns its body; a non-200 answer fails the test.
func (c *privateChain) fetch(rawURL string) []byte {
	c.t.Helper()
	resp, err := http.Get(rawURL) //nolint:gosec // the test's own node
	require.NoError(c.t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(c.t, err)
	require.Equal(c.t, http.StatusOK, resp.StatusCode, "%s: %s", rawURL, body)
	return body
}

func (c *privateChain) rpcURL(path string) string {
	return fmt.Sprintf("http://127.0.0.1:%d%s", c.rpcPort, path)
}

// scanRPC reads every block, every block's results (the events of its transactions and of
// its begin and end) and every transaction with its result, up to height.
func (c *privateChain) scanRPC(s *scanner, height int64) {
	for h := int64(1); h <= height; h++ {
		s.scan(srcRPC, fmt.Sprintf("/block?height=%d", h), c.fetch(c.rpcURL(fmt.Sprintf("/block?height=%d", h))))
		s.scan(srcEvents, fmt.Sprintf("/block_results?height=%d", h), c.fetch(c.rpcURL(fmt.Sprintf("/block_results?height=%d", h))))
	}
	for page := 1; ; page++ {
		q := url.Values{"query": {`"tx.height>0"`}, "per_page": {"100"}, "page": {fmt.Sprint(page)}}
		body := c.fetch(c.rpcURL("/tx_search?" + q.Encode()))
		s.scan(srcRPC, fmt.Sprintf("/tx_search page %d", page), body)
		var res struct {
			Result struct {
				Txs []struct {
					Height   string          `json:"height"`
					TxResult json.RawMessage `json:"tx_result"`
				} `json:"txs"`
				TotalCount string `json:"total_count"`
			} `json:"result"`
		}
		require.NoError(c.t, json.Unmarshal(body, &res))
		for _, tx := range res.Result.Txs {
			s.scan(srcEvents, "tx_result at height "+tx.Height, tx.TxResult)
		}
		if len(res.Result.Txs) < 100 {
			break
		}
	}
	s.scan(srcMempool, "/unconfirmed_txs", c.fetch(c.rpcURL("/unconfirmed_txs?limit=100")))
}

// scanREST reads every task, result and worker of x/taskpool and every transaction, over
// the API server.
func (c *privateChain) scanREST(s *scanner, tasks uint64, height int64) {
	api := c.apiURL()
	s.scan(srcREST, "/hyra/taskpool/v1/tasks", c.fetch(api+"/hyra/taskpool/v1/tasks?pagination.limit=1000"))
	s.scan(srcREST, "/hyra/taskpool/v1/workers", c.fetch(api+"/hyra/taskpool/v1/workers?pagination.limit=1000"))
	for id := uint64(1); id <= tasks; id++ {
		s.scan(srcREST, fmt.Sprintf("/hyra/taskpool/v1/tasks/%d", id), c.fetch(fmt.Sprintf("%s/hyra/taskpool/v1/tasks/%d", api, id)))
		// A result exists only for a completed task.
		if resp, err := http.Get(fmt.Sprintf("%s/hyra/taskpool/v1/tasks/%d/result", api, id)); err == nil { //nolint:gosec // the test's own node
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			s.scan(srcREST, fmt.Sprintf("/hyra/taskpool/v1/tasks/%d/result", id), body)
		}
	}
	for page := 1; ; page++ {
		q := url.Values{"query": {"tx.height>0"}, "page": {fmt.Sprint(page)}, "limit": {"100"}}
		body := c.fetch(api + "/cosmos/tx/v1beta1/txs?" + q.Encode())
		s.scan(srcREST, fmt.Sprintf("/cosmos/tx/v1beta1/txs page %d", page), body)
		var res struct {
			Txs []json.RawMessage `json:"txs"`
		}
		require.NoError(c.t, json.Unmarshal(body, &res))
		if len(res.Txs) < 100 {
			break
		}
	}
	for h := int64(1); h <= height; h++ {
		s.scan(srcREST, fmt.Sprintf("/cosmos/tx/v1beta1/txs/block/%d", h), c.fetch(fmt.Sprintf("%s/cosmos/tx/v1beta1/txs/block/%d", api, h)))
	}
}

// mempoolWatch polls the node's mempool until stopped, keeping every answer that held a
// transaction: a transaction is there only between its broadcast and its block.
type mempoolWatch struct {
	stop chan struct{}
	done chan struct{}
	mu   sync.Mutex
	seen [][]byte
}

func (c *privateChain) watchMempool() *mempoolWatch {
	m := &mempoolWatch{stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(m.done)
		for {
			select {
			case <-m.stop:
				return
			case <-time.After(100 * time.Millisecond):
			}
			resp, err := http.Get(c.rpcURL("/unconfirmed_txs?limit=100")) //nolint:gosec // the test's own node
			if err != nil {
				continue
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if !strings.Contains(string(body), `"n_txs":"0"`) {
				m.mu.Lock()
				m.seen = append(m.seen, body)
				m.mu.Unlock()
			}
		}
	}()
	return m
}

// end stops the watch.
func (m *mempoolWatch) end() {
	close(m.stop)
	<-m.done
}

// scan scans what the ended watch saw; it returns how many answers held transactions.
func (m *mempoolWatch) scan(s *scanner) int {
	for i, body := range m.seen {
		s.scan(srcMempool, fmt.Sprintf("/unconfirmed_txs answer %d", i), body)
	}
	return len(m.seen)
}

// scanDataDir reads every file under the node's data directory as it is on disk (the
// consensus WAL, the databases' logs and tables), and every entry of each database through
// the database itself, which undoes the compression of its tables. The node must be stopped.
func (c *privateChain) scanDataDir(s *scanner) (files, entries int) {
	dataDir := filepath.Join(c.home, "data")
	root, err := os.OpenRoot(dataDir)
	require.NoError(c.t, err)
	defer func() { require.NoError(c.t, root.Close()) }()
	var dbs []string
	require.NoError(c.t, fs.WalkDir(root.FS(), ".", func(rel string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if strings.HasSuffix(rel, ".db") {
				dbs = append(dbs, rel)
			}
			return nil
		}
		b, err := fs.ReadFile(root.FS(), rel)
		if err != nil {
			return err
		}
		s.scan(dataSource(rel), rel, b)
		files++
		return nil
	}))
	for _, rel := range dbs {
		db, err := dbm.NewDB(strings.TrimSuffix(filepath.Base(rel), ".db"), c.dbBackend(rel), filepath.Join(dataDir, filepath.Dir(rel)))
		require.NoError(c.t, err, rel)
		it, err := db.Iterator(nil, nil)
		require.NoError(c.t, err)
		for ; it.Valid(); it.Next() {
			key := it.Key()
			s.scan(dataSource(rel), fmt.Sprintf("%s key %x", rel, key[:min(len(key), 48)]), append(append([]byte{}, key...), it.Value()...))
			entries++
		}
		require.NoError(c.t, it.Close())
		require.NoError(c.t, db.Close())
	}
	return files, entries
}

// dbBackend is the backend the database rel of the data directory was written with: the
// application's and its snapshots' (app.toml's app-db-backend, PebbleDB in a home `hyrad init`
// makes), CometBFT's goleveldb for the others.
func (c *privateChain) dbBackend(rel string) dbm.BackendType {
	if filepath.Base(rel) != "application.db" && !strings.HasPrefix(filepath.ToSlash(rel), "snapshots/") {
		return dbm.GoLevelDBBackend
	}
	v := viper.New()
	v.SetConfigFile(filepath.Join(c.home, "config", "app.toml"))
	require.NoError(c.t, v.ReadInConfig())
	return server.GetAppDBBackend(v)
}

// dataSource names the top-level entry of the data directory that rel is in.
func dataSource(rel string) string {
	return srcDataDir + strings.SplitN(filepath.ToSlash(rel), "/", 2)[0]
}
