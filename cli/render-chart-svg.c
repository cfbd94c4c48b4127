/* SPDX-License-Identifier: MIT */
/*
 * render-chart-svg.c - project --chart FILE.svg: the projected monthly
 * costs as small multiples, one fan chart per cost part (Spark,
 * PostgreSQL, Kafka) and one for the total: the band between the Monte
 * Carlo run's P10 and P90, its P50 line, and the scenario's own
 * projection dashed.  Plain SVG 1.1, no script or fonts.
 */
#include <math.h>
#include <stddef.h>
#include <stdio.h>

#include "ecaptune-cli.h"

#define PANEL_W 420
#define PANEL_H 240
#define MARGIN_L 70
#define MARGIN_R 32
#define MARGIN_T 34
#define MARGIN_B 36

struct panel {
	double x0, y0;		/* top left of the panel */
	double ymax;		/* top of the value axis */
	size_t years;
};

/* A round axis maximum >= v: 1, 2 or 5 times a power of ten. */
static double
nice_max(double v)
{
	double p, m;

	if (v <= 0)
		return 1;
	p = pow(10, floor(log10(v)));
	m = v / p;
	return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

static double
px(const struct panel *pn, double year)
{
	double w = PANEL_W - MARGIN_L - MARGIN_R;

	return pn->x0 + MARGIN_L +
	       (pn->years > 1 ? (year - 1) / (double)(pn->years - 1) : 0.5) * w;
}

static double
py(const struct panel *pn, double v)
{
	double h = PANEL_H - MARGIN_T - MARGIN_B;

	return pn->y0 + MARGIN_T + h - v / pn->ymax * h;
}

static void
axes(FILE *f, const struct panel *pn, const char *title)
{
	size_t i;
	int t;

	fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" class=\"title\">%s</text>\n",
		pn->x0 + MARGIN_L, pn->y0 + 20, title);
	for (t = 0; t <= 4; t++) {
		double v = pn->ymax * t / 4, y = py(pn, v);

		fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
			"y2=\"%.1f\" class=\"grid\"/>\n<text x=\"%.1f\" "
			"y=\"%.1f\" class=\"tick\" text-anchor=\"end\">$%g"
			"</text>\n", px(pn, 1) - 8, y,
			pn->x0 + PANEL_W - MARGIN_R, y, pn->x0 + MARGIN_L - 12,
			y + 4, v);
	}
	for (i = 1; i <= pn->years; i++)
		fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" class=\"tick\" "
			"text-anchor=\"middle\">year %zu</text>\n",
			px(pn, (double)i), pn->y0 + PANEL_H - MARGIN_B + 18, i);
}

/* A polyline through (year, v[year]) of the years. */
static void
line(FILE *f, const struct panel *pn, const double *v, const char *cls)
{
	size_t i;

	fprintf(f, "<polyline class=\"%s\" points=\"", cls);
	for (i = 0; i < pn->years; i++)
		fprintf(f, "%s%.1f,%.1f", i ? " " : "", px(pn, (double)i + 1),
			py(pn, v[i]));
	fprintf(f, "\"/>\n");
}

/* The area between lo[] and hi[]. */
static void
band(FILE *f, const struct panel *pn, const double *lo, const double *hi,
     const char *cls)
{
	size_t i;

	fprintf(f, "<polygon class=\"%s\" points=\"", cls);
	for (i = 0; i < pn->years; i++)
		fprintf(f, "%.1f,%.1f ", px(pn, (double)i + 1), py(pn, hi[i]));
	for (i = pn->years; i-- > 0;)
		fprintf(f, "%.1f,%.1f ", px(pn, (double)i + 1), py(pn, lo[i]));
	fprintf(f, "\"/>\n");
}

/* One cost part: the P10-P90 band and P50 line of the Monte Carlo run,
 * and the scenario's own projection dashed. */
static void
cost_panel(FILE *f, struct panel *pn, const struct plan *p,
	   const char *title, size_t year_offset, size_t band_offset)
{
	double scenario[ECAP_PROJECTION_MAX_YEARS] = { 0 },
	       p10[ECAP_PROJECTION_MAX_YEARS] = { 0 },
	       p50[ECAP_PROJECTION_MAX_YEARS] = { 0 },
	       p90[ECAP_PROJECTION_MAX_YEARS] = { 0 };
	const struct ecap_projection_band *b;
	double top = 0;
	size_t i;

	for (i = 0; i < pn->years; i++) {
		scenario[i] = *(const double *)((const char *)&p->years[i] +
						year_offset);
		top = fmax(top, scenario[i]);
		if (i < p->mc_count) {
			b = (const void *)((const char *)&p->mc[i] +
					   band_offset);
			p10[i] = b->p10;
			p50[i] = b->p50;
			p90[i] = b->p90;
			top = fmax(top, p90[i]);
		}
	}
	pn->ymax = nice_max(top);
	axes(f, pn, title);
	if (p->mc_count > 0) {
		band(f, pn, p10, p90, "band");
		line(f, pn, p50, "p50");
	}
	line(f, pn, scenario, "scenario");
}

#define YEAR(field) offsetof(struct ecap_projection_year, field)
#define BAND(field) offsetof(struct ecap_projection_montecarlo_year, field)

int
render_chart_svg(FILE *f, const struct plan *p)
{
	struct panel pn = { 0, 0, 0, p->year_count };

	fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
		"width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">\n"
		"<title>Projected monthly cost (USD), %zu years, %lld Monte "
		"Carlo paths</title>\n<style>\n"
		"text { font-family: sans-serif; fill: #222; }\n"
		".title { font-size: 15px; font-weight: bold; }\n"
		".tick { font-size: 11px; fill: #555; }\n"
		".grid { stroke: #ddd; stroke-width: 1; }\n"
		".p50 { fill: none; stroke: #1f5fa8; stroke-width: 2.5; }\n"
		".scenario { fill: none; stroke: #c0392b; stroke-width: 1.5; "
		"stroke-dasharray: 6 4; }\n"
		".band { fill: #1f5fa8; fill-opacity: 0.25; stroke: none; }\n"
		"</style>\n<rect width=\"100%%\" height=\"100%%\" fill=\"#fff\"/>\n",
		2 * PANEL_W, 2 * PANEL_H + 30, 2 * PANEL_W, 2 * PANEL_H + 30,
		p->year_count, (long long)p->w.paths);
	cost_panel(f, &pn, p, "Spark, USD a month",
		   YEAR(spark_cost_usd_per_month),
		   BAND(spark_cost_usd_per_month));
	pn.x0 = PANEL_W;
	cost_panel(f, &pn, p, "PostgreSQL, USD a month",
		   YEAR(database_cost_usd_per_month),
		   BAND(database_cost_usd_per_month));
	pn.x0 = 0;
	pn.y0 = PANEL_H;
	cost_panel(f, &pn, p, "Kafka, USD a month",
		   YEAR(kafka_cost_usd_per_month),
		   BAND(kafka_cost_usd_per_month));
	pn.x0 = PANEL_W;
	cost_panel(f, &pn, p, "Total, USD a month",
		   YEAR(total_cost_usd_per_month),
		   BAND(total_cost_usd_per_month));
	fprintf(f, "<text x=\"20\" y=\"%d\" class=\"tick\">Band: P10 to P90 "
		"of %lld Monte Carlo paths; solid line: P50; dashed: the "
		"scenario's projection.</text>\n</svg>\n", 2 * PANEL_H + 18,
		(long long)p->w.paths);
	return 0;
}
