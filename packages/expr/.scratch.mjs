import { compile } from "feelin";
for (const s of ['date and time("2020-07-01T10:00:00@Europe/Paris")', 'date and time("2020-01-01T10:00:00@Asia/Kolkata")', 'time("10:00:00@Europe/Paris")','date and time("2020-01-01T10:00:00.5-05:30")']) {
 const v = compile(s).evaluate({}).value; const o = v['time offset']; console.log(v.iso, o?.iso, o?.hours, o?.minutes, o?.seconds, o?.days);
}
