// The notice 吉三方〔2021〕1号 as code. Pure TypeScript: no framework imports here.
// Each module appends its own export line.
