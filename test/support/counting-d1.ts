/** Wraps a D1 binding and records every SQL statement prepared through it, to prove what a request did (not) run. */
export function countingD1(db: D1Database): { db: D1Database; statements: string[] } {
  const statements: string[] = [];
  const wrapped = new Proxy(db, {
    get(target, property) {
      if (property === "prepare") {
        return (sql: string) => {
          statements.push(sql);
          return target.prepare(sql);
        };
      }
      if (property === "exec") {
        return (sql: string) => {
          statements.push(sql);
          return target.exec(sql);
        };
      }
      const value = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { db: wrapped, statements };
}
