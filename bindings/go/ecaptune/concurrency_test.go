// SPDX-License-Identifier: MIT

package ecaptune

import (
	"errors"
	"fmt"
	"sync"
	"testing"
)

// Many goroutines share one policy: readers, writers and a final Close.
// Run under go test -race (run-tests.sh does).
func TestConcurrentUse(t *testing.T) {
	p, err := NewPolicy()
	if err != nil {
		t.Fatal(err)
	}
	const readers, writers, rounds = 8, 2, 200
	var wg sync.WaitGroup
	errs := make(chan error, readers+writers)
	for r := 0; r < readers; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < rounds; i++ {
				v, err := p.Float64("partition.target_size_mb")
				if err != nil || (v != 128 && v != 256) {
					errs <- fmt.Errorf("read %v, %v", v, err)
					return
				}
				if _, err := p.String("model"); err != nil {
					errs <- err
					return
				}
				if _, err := p.Scenarios(); err != nil {
					errs <- err
					return
				}
				if i%20 == 0 {
					if _, err := p.DumpJSON(); err != nil {
						errs <- err
						return
					}
				}
			}
		}()
	}
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < rounds; i++ {
				v := 128.0
				if i%2 == 0 {
					v = 256
				}
				if err := p.SetFloat64("partition.target_size_mb", v); err != nil {
					errs <- err
					return
				}
				model := "guide"
				if i%2 == 0 {
					model = "ecap-1"
				}
				if err := p.LoadJSON([]byte(`{"model": "` + model + `"}`)); err != nil {
					errs <- err
					return
				}
				if err := p.SetScenario(Scenario{Name: fmt.Sprintf("w%d", w), SeasonalPeakFactor: 1}); err != nil {
					errs <- err
					return
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}

	// Close while readers run: they either finish or see the closed error.
	var wg2 sync.WaitGroup
	for r := 0; r < readers; r++ {
		wg2.Add(1)
		go func() {
			defer wg2.Done()
			for i := 0; i < rounds; i++ {
				_, err := p.Float64("partition.target_size_mb")
				if err != nil && !errors.Is(err, ErrInvalid) {
					t.Errorf("reader during Close: %v", err)
					return
				}
			}
		}()
	}
	p.Close()
	wg2.Wait()
}

// Independent policies in parallel, each with its own copy.
func TestConcurrentCopies(t *testing.T) {
	base := newPolicy(t)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			q, err := base.Copy()
			if err != nil {
				t.Error(err)
				return
			}
			defer q.Close()
			if err := q.SetInt64("executor.cores", int64(g+1)); err != nil {
				t.Error(err)
			}
			if v, _ := q.Int64("executor.cores"); v != int64(g+1) {
				t.Errorf("copy %d sees %d", g, v)
			}
		}(g)
	}
	wg.Wait()
}

// Many goroutines call every advisor on one shared policy while a writer
// flips the model: each result must be one of the two models' answers.
// Run under go test -race (run-tests.sh does).
func TestConcurrentAdvisors(t *testing.T) {
	p := newPolicy(t)
	// ecap-1's count for 100 GB a day (the cheapest catalog node's).
	ecap1, err := p.AdviseExecutor(ExecutorInput{DailyDataGB: 100})
	if err != nil {
		t.Fatal(err)
	}
	const goroutines, rounds = 16, 50
	var wg sync.WaitGroup
	errs := make(chan error, goroutines+1)
	stop := make(chan struct{})
	var writer sync.WaitGroup
	writer.Add(1)
	go func() {
		defer writer.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			m := ModelGuide
			if i%2 == 0 {
				m = ModelECAP1
			}
			if err := p.SetModel(m); err != nil {
				errs <- err
				return
			}
		}
	}()
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < rounds; i++ {
				// guide 37 executors, ecap-1 as sized above
				ex, err := p.AdviseExecutor(ExecutorInput{DailyDataGB: 100})
				if err != nil || (ex.ExecutorCount != 37 && ex.ExecutorCount != ecap1.ExecutorCount) {
					errs <- fmt.Errorf("executor %d, %v", ex.ExecutorCount, err)
					return
				}
				if _, err := ex.SparkProperties(); err != nil {
					errs <- err
					return
				}
				// guide 3796 partitions, ecap-1 12
				k, err := p.AdviseKafka(KafkaInput{EventsPerSecond: 1000})
				if err != nil || (k.PartitionsCount != 3796 && k.PartitionsCount != 12) {
					errs <- fmt.Errorf("kafka %d, %v", k.PartitionsCount, err)
					return
				}
				if _, err := p.AdvisePartitions(PartitionInput{DataSizeBytes: int64(g+1) << 20}); err != nil {
					errs <- err
					return
				}
				if _, err := p.PartitionAQE(PartitionAQEInput{PartitionSizesBytes: []int64{1, 2, 3}, ParallelismFirstDisabled: true}); err != nil {
					errs <- err
					return
				}
				if _, err := p.AdviseJoin(JoinInput{LeftSizeBytes: 1 << 40, RightSizeBytes: 1000, RightRowCount: 10}); err != nil {
					errs <- err
					return
				}
				if _, err := p.AdviseCache(CacheInput{SerializedSizeBytes: 1 << 30, PartitionCount: 100, ReuseCount: 3,
					StorageMemoryBytes: 1 << 32, API: SparkAPIRDD}); err != nil {
					errs <- err
					return
				}
				d, err := p.AdviseDatabase(DatabaseInput{TransactionsPerDay: 1e6})
				if err != nil {
					errs <- err
					return
				}
				if _, err := d.Properties(); err != nil {
					errs <- err
					return
				}
				if i%10 == 0 {
					if _, err := p.Project(ProjectionInput{CurrentDailyTransactions: 1e6, Years: 3}); err != nil {
						errs <- err
						return
					}
					if _, err := p.ProjectMonteCarlo(MonteCarloInput{CurrentDailyTransactions: 1e6, Years: 2, Seed: 1, PathsCount: 50}); err != nil {
						errs <- err
						return
					}
				}
			}
		}(g)
	}
	wg.Wait()
	close(stop)
	writer.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
