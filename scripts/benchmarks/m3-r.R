#!/usr/bin/env Rscript
# R forecast 8.x on the 1,428 M3 monthly series, h = 18: one method per call.
#   Rscript scripts/benchmarks/m3-r.R METHOD TRAIN.csv OUT.csv     (METHOD: snaive, thetaf, ets)
# Writes series,period,model,mean,lo_80,hi_80,lo_95,hi_95 and prints the fitting time in
# seconds (data loading and writing excluded) on standard output.
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
method <- args[1]; train_path <- args[2]; out_path <- args[3]
train <- read.csv(train_path, stringsAsFactors = FALSE)
groups <- split(train, factor(train$series, levels = unique(train$series)))
series <- lapply(groups, function(frame) {
  first <- frame$period[1]
  ts(frame$value, start = c(as.integer(substr(first, 1, 4)), as.integer(substr(first, 6, 7))), frequency = 12)
})
fit <- switch(method,
  snaive = function(x) snaive(x, h = 18, level = c(80, 95)),
  thetaf = function(x) thetaf(x, h = 18, level = c(80, 95)),
  ets = function(x) forecast(ets(x), h = 18, level = c(80, 95)),
  stop("unknown method ", method))
elapsed <- system.time(forecasts <- lapply(series, fit))[["elapsed"]]
rows <- do.call(rbind, lapply(names(forecasts), function(name) {
  fc <- forecasts[[name]]
  t <- time(fc$mean)
  data.frame(series = name, period = sprintf("%04d-%02d", floor(t + 1e-9), cycle(fc$mean)), model = paste0("R ", method),
             mean = as.numeric(fc$mean), lo_80 = as.numeric(fc$lower[, 1]), hi_80 = as.numeric(fc$upper[, 1]),
             lo_95 = as.numeric(fc$lower[, 2]), hi_95 = as.numeric(fc$upper[, 2]))
}))
write.csv(rows, out_path, row.names = FALSE, quote = FALSE)
cat(sprintf("%.3f\n", elapsed))
