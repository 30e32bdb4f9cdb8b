package dev.granular.app.topology;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.apache.kafka.streams.state.internals.BlockBasedTableConfigWithAccessibleCache;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Every RocksDB store of the process shares one block cache, which also accounts for the memtables, so RocksDB's
 * memory stays near {@link #TOTAL_BYTES} however many stores and tasks an instance holds. This is the bounded-memory
 * setup of the Kafka Streams memory-management guide. Without it each store instance takes its own 50 MB cache
 * and up to 3 x 16 MB memtables. The stores on disk are the planner's definitions (a full copy of each workspace's
 * definitions, 60 MB at 1,000 workspaces x 20 to 200 properties, too much for a 256 MB heap) and the sink's outbox.
 */
public final class BoundedRocksDb implements RocksDBConfigSetter {
  /** Block cache and memtables of all stores together. */
  static final long TOTAL_BYTES = 24L << 20;
  private static final long MEMTABLE_BYTES = 4L << 20;
  private static final Cache CACHE = new LRUCache(TOTAL_BYTES, -1, false, 0.1);
  private static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(2 * MEMTABLE_BYTES, CACHE);

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    BlockBasedTableConfigWithAccessibleCache table = (BlockBasedTableConfigWithAccessibleCache) options.tableFormatConfig();
    table.setBlockCache(CACHE);
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setWriteBufferManager(WRITE_BUFFERS);
    options.setWriteBufferSize(MEMTABLE_BYTES);
    options.setMaxWriteBufferNumber(2);
    options.setTableFormatConfig(table);
  }

  @Override
  public void close(String storeName, Options options) {
    // The cache and the write-buffer manager are shared by every store of the process: never closed per store.
  }
}
