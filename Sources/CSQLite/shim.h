// SQLite's C interface, for the few statements the store steps without GRDB (savepoints).
#include <sqlite3.h>
