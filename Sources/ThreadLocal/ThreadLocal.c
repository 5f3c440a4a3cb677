#include "ThreadLocal.h"

_Thread_local void *nnl_storage_pool = 0;
