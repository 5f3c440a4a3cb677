#ifndef NNL_THREAD_LOCAL_H
#define NNL_THREAD_LOCAL_H

/// One pointer per thread, for `StoragePool`'s shelves. Swift has no thread-local variables;
/// `pthread_getspecific` costs a call and a few checks on every small matrix allocated, this a
/// single load. The pointer starts NULL on each thread.
extern _Thread_local void *nnl_storage_pool;

static inline void *nnl_storage_pool_get(void) { return nnl_storage_pool; }
static inline void nnl_storage_pool_set(void *shelves) { nnl_storage_pool = shelves; }

#endif
