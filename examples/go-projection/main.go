// SPDX-License-Identifier: MIT

// Command go-projection plans a capacity projection for a built-in
// workload with the Go binding of libecaptune and prints it as a table.
//
//	go run . [-tx 1000000] [-years 3] [-scenario conservative] [-model ecap-1]
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/ecap/libecaptune/bindings/go/ecaptune"
)

// flags names a year's warnings, "-" for none.
func flags(y ecaptune.ProjectionYear) string {
	var f []string
	if y.SparkWindowMissed {
		f = append(f, fmt.Sprintf("window missed by %.1f h", y.SparkWindowMissHours))
	}
	if y.SparkExecutorsOverPolicy {
		f = append(f, "executors past the maximum")
	}
	if y.DatabaseBeyondOneInstance {
		f = append(f, "database beyond one instance")
	}
	if y.KafkaQuotaExceeded {
		f = append(f, "broker quota")
	}
	if y.ReviewArchitecture {
		f = append(f, "review the architecture")
	}
	if len(f) == 0 {
		return "-"
	}
	return strings.Join(f, "; ")
}

func main() {
	tx := flag.Float64("tx", 1_000_000, "transactions a day today")
	years := flag.Int("years", 3, "years to project")
	scenario := flag.String("scenario", "conservative", "growth scenario of the policy")
	model := flag.String("model", "ecap-1", `model: "guide" or "ecap-1"`)
	flag.Parse()
	log.SetFlags(0)

	p, err := ecaptune.NewPolicy()
	if err != nil {
		log.Fatal(err)
	}
	defer p.Close()
	m, err := ecaptune.ParseModel(*model)
	if err != nil {
		log.Fatal(err)
	}
	if err := p.SetModel(m); err != nil {
		log.Fatal(err)
	}
	s, err := p.Scenario(*scenario)
	if err != nil {
		log.Fatal(err)
	}

	plan, err := p.Project(ecaptune.ProjectionInput{
		CurrentDailyTransactions: *tx,
		Years:                    *years,
		Scenario:                 *scenario,
	})
	if err != nil {
		log.Fatal(err)
	}

	fmt.Printf("%d-year capacity projection: %.0f transactions/day, scenario %s (%+.0f%% a year, peak x%.1f), model %s\n\n",
		*years, *tx, s.Name, s.YearlyGrowthRatio*100, s.SeasonalPeakFactor, m)
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "year\tbase tx/day\tpeak tx/day\tspark nodes\texecutors\tspark USD\tdatabase\tx\tdb USD\tbrokers\tkafka USD\tUSD/month\tflags\t")
	for _, y := range plan {
		fmt.Fprintf(w, "%d\t%.0f\t%.0f\t%d x %s\t%d\t%.2f\t%s\t%d\t%.2f\t%d x %s\t%.2f\t%.2f\t%s\t\n",
			y.Year, y.BaseDailyTransactions, y.PeakDailyTransactions, y.SparkNodeCount, y.SparkNodeType,
			y.SparkExecutorsCount, y.SparkCostUSDPerMonth, y.DatabaseInstanceClass, y.DatabaseInstancesCount,
			y.DatabaseCostUSDPerMonth, y.KafkaBrokersCount, y.KafkaBrokerType, y.KafkaCostUSDPerMonth,
			y.TotalCostUSDPerMonth, flags(y))
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
}
