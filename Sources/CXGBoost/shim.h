#ifndef MLW_CXGBOOST_SHIM_H
#define MLW_CXGBOOST_SHIM_H
#include <xgboost/c_api.h>
#endif
