#!/usr/bin/env Rscript
# R forecast 8.20 on all M3 monthly series, h = 18, 80% and 95% intervals, timed:
# thetaf(), ets() (automatic, AICc) and auto.arima() (defaults), each over JOBS worker processes
# (parallel::mclapply). Writes OUT_DIR/r-thetaf.csv, OUT_DIR/r-ets.csv and OUT_DIR/r-autoarima.csv (series,period,model,mean,lo_80,hi_80,lo_95,hi_95)
# and prints `r,<method>,<seconds>,<series>` lines.
# Usage: Rscript scripts/benchmarks/m3-peers.R DATA_DIR OUT_DIR JOBS
suppressPackageStartupMessages({ library(forecast); library(parallel) })
args <- commandArgs(trailingOnly = TRUE)
data_dir <- args[1]; out_dir <- args[2]; jobs <- as.integer(args[3])
train <- read.csv(file.path(data_dir, "train.csv"), colClasses = c("character", "character", "numeric"))
test <- read.csv(file.path(data_dir, "test.csv"), colClasses = c("character", "character", "numeric"))
ids <- unique(train$series)
series <- lapply(ids, function(id) {
  rows <- train[train$series == id, ]; rows <- rows[order(rows$period), ]
  ts(rows$value, start = c(as.integer(substr(rows$period[1], 1, 4)), as.integer(substr(rows$period[1], 6, 7))), frequency = 12)
})
periods <- lapply(ids, function(id) sort(test$period[test$series == id]))
run <- function(label, method) {
  elapsed <- system.time(fits <- mclapply(series, method, mc.cores = jobs))["elapsed"]
  rows <- do.call(rbind, lapply(seq_along(ids), function(i) {
    f <- fits[[i]]
    data.frame(series = ids[i], period = periods[[i]], model = label, mean = sprintf("%.17g", f$mean),
               lo_80 = sprintf("%.17g", f$lower[, 1]), hi_80 = sprintf("%.17g", f$upper[, 1]),
               lo_95 = sprintf("%.17g", f$lower[, 2]), hi_95 = sprintf("%.17g", f$upper[, 2]))
  }))
  write.csv(rows, file.path(out_dir, paste0("r-", label, ".csv")), row.names = FALSE, quote = FALSE)
  cat(sprintf("r,%s,%.3f,%d\n", label, elapsed, length(ids)))
}
run("thetaf", function(y) thetaf(y, h = 18, level = c(80, 95)))
run("ets", function(y) forecast(ets(y), h = 18, level = c(80, 95)))
run("autoarima", function(y) forecast(auto.arima(y), h = 18, level = c(80, 95)))
