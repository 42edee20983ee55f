import GRDB

extension AppDatabase {
    /// Every schema change is a new named migration appended here. A migration that
    /// has shipped is never edited: installed databases have already run it.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            for statement in SchemaV1.statements {
                try db.execute(sql: statement)
            }
        }
        migrator.registerMigration("v2") { db in try SchemaV2.statements.forEach { try db.execute(sql: $0) } }
        migrator.registerMigration("v3") { db in try SchemaV3.statements.forEach { try db.execute(sql: $0) } }
        migrator.registerMigration("v4") { db in try SchemaV4.statements.forEach { try db.execute(sql: $0) } }
        migrator.registerMigration("v5") { db in try SchemaV5.statements.forEach { try db.execute(sql: $0) } }
        migrator.registerMigration("v6-guard") { db in try SchemaV6Guard.statements.forEach { try db.execute(sql: $0) } }
        migrator.registerMigration("v6-roster") { db in try SchemaV6.statements.forEach { try db.execute(sql: $0) } }
        migrator.registerMigration("v6-assessment") { db in try SchemaV6Assessment.statements.forEach { try db.execute(sql: $0) } }
        migrator.registerMigration("v6-outbox") { db in try SchemaV6Outbox.statements.forEach { try db.execute(sql: $0) } }
        migrator.registerMigration("v6-device") { db in try SchemaV6Device.statements.forEach { try db.execute(sql: $0) } }
        migrator.registerMigration("v7-goals-wait") { db in try SchemaV7GoalsWait.statements.forEach { try db.execute(sql: $0) } }
        migrator.registerMigration("v8-faults") { db in try SchemaV8Faults.statements.forEach { try db.execute(sql: $0) } }
        migrator.registerMigration("v8-recv") { db in try SchemaV8Recv.statements.forEach { try db.execute(sql: $0) } }
        migrator.registerMigration("v8-structure") { db in try SchemaV8Structure.statements.forEach { try db.execute(sql: $0) } }
        migrator.registerMigration("v8-send") { db in try SchemaV8Send.statements.forEach { try db.execute(sql: $0) } }
        migrator.registerMigration("v8-element") { db in try SchemaV8Element.statements.forEach { try db.execute(sql: $0) } }
        migrator.registerMigration("v8-keyreq") { db in try SchemaV8Keyreq.statements.forEach { try db.execute(sql: $0) } }
        migrator.registerMigration("v9-crypto") { db in try SchemaV9Crypto.statements.forEach { try db.execute(sql: $0) } }
        migrator.registerMigration("v9-aggregates") { db in try SchemaV9Aggregates.statements.forEach { try db.execute(sql: $0) } }
        migrator.registerMigration("v10-cryptspeed") { db in try SchemaV10Cryptspeed.statements.forEach { try db.execute(sql: $0) } }
        migrator.registerMigration("v11-recipients") { db in try SchemaV11Recipients.statements.forEach { try db.execute(sql: $0) } }
        return migrator
    }
}
