#!/usr/bin/env Rscript
# Times R forecast's ets() + forecast() on M3 monthly series (one core) and writes its forecasts.
#   Rscript scripts/benchmarks/ets-r.R DATA_DIR OUT_CSV [EVERY]
# Fits every EVERY-th series of series.csv (default 1: all 1,428), h = 18, levels 80 and 95.
# Prints `wall_seconds,cpu_seconds,series` (fitting and forecasting only) on standard output.
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
data.dir <- args[1]; out.csv <- args[2]
every <- if (length(args) >= 3) as.integer(args[3]) else 1L
info <- read.csv(file.path(data.dir, "series.csv"), stringsAsFactors = FALSE)
train <- read.csv(file.path(data.dir, "train.csv"), stringsAsFactors = FALSE)
ids <- info$series[seq(1, nrow(info), by = every)]
series <- lapply(ids, function(id) {
  rows <- train[train$series == id, ]
  rows <- rows[order(rows$period), ]
  ts(rows$value, frequency = 12)
})
timing <- system.time(forecasts <- lapply(series, function(y) forecast(ets(y), h = 18, level = c(80, 95))))
rows <- do.call(rbind, lapply(seq_along(ids), function(i) {
  fc <- forecasts[[i]]
  data.frame(series = ids[i], step = 1:18, model = "R ets", mean = as.numeric(fc$mean),
             lo_80 = as.numeric(fc$lower[, 1]), hi_80 = as.numeric(fc$upper[, 1]),
             lo_95 = as.numeric(fc$lower[, 2]), hi_95 = as.numeric(fc$upper[, 2]))
}))
write.csv(rows, out.csv, row.names = FALSE, quote = FALSE)
cat(sprintf("%.3f,%.3f,%d\n", timing[["elapsed"]], timing[["user.self"]] + timing[["sys.self"]], length(ids)))
