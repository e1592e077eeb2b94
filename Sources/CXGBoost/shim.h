// Shim over the system XGBoost C API (Debian: libxgboost-dev, XGBoost 1.7), for the global
// gradient-boosted model (Sources/ScorecastTimeSeries/Global). Only the C API is used:
// DMatrix from dense float rows, booster parameters, one boosting round at a time,
// prediction, and saving/loading a booster in XGBoost's own JSON format.
#ifndef SCORECAST_CXGBOOST_SHIM_H
#define SCORECAST_CXGBOOST_SHIM_H

#include <xgboost/c_api.h>

#endif
