-- Output value per cluster, year and period, reconciled across documents: the figure from the
-- most recently published document wins (an exact figure over a qualified one on a tie);
-- the others are counted and bound the range.
{{ reconcile_cluster_figures(metrics=['output_value']) }}
