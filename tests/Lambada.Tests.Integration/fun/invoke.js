// Runs one invocation of a Lambda zip under @vercel/fun (runtime "provided": the zip's bootstrap is started
// with AWS_LAMBDA_RUNTIME_API pointing at fun's Runtime API) and prints fun's result as JSON.
// usage: node invoke.js <zip> <payload-json> [KEY=VALUE ...]   (environment variables for the function)
const fun = require('@vercel/fun');
const fs = require('fs');

(async () => {
  const [zip, payload, ...variables] = process.argv.slice(2);
  const Variables = Object.fromEntries(variables.map(v => [v.slice(0, v.indexOf('=')), v.slice(v.indexOf('=') + 1)]));
  const fn = await fun.createFunction({
    Code: { ZipFile: fs.readFileSync(zip) },
    Handler: 'bootstrap',
    Runtime: 'provided',
    MemorySize: 512,
    Timeout: 60,
    FunctionName: 'lb_runCommand',
    Environment: { Variables },
  });
  try {
    const result = await fn.invoke({ Payload: payload });
    process.stdout.write(JSON.stringify(result) + '\n');
  } finally {
    await fn.destroy();
  }
})().catch(e => { console.error(e); process.exit(1); });
