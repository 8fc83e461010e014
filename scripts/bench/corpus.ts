// Synthetic newspaper pages in the style of the real ones (see /work/shared/corpus
// and examples/): a page header with the date, a teaser column of short broken
// lines, bylines and datelines, several unrelated items per page, headlines
// whose glyphs were extracted twice, narrow PDF columns that break lines in the
// middle of words, photo captions and credits, and page jumps. Entities come from
// the gazetteers and from generated company, person and zone names, so a large
// corpus yields a graph with many distinct entities. Deterministic for a seed.
import type { City, Lexicon } from "./lexicon.js";
import type { Random } from "./random.js";

const GIVEN =
  "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚英华建国志红海波宁飞鹏辉玲晨浩宇欣怡轩博文思远晓东立新振雪梅俊峰";
const BRAND =
  "恒瑞华信达凯盛宏远鼎力科创智联星辰云海天宇长城金石博源睿思新元锐翔光启晟泰合安捷拓维中欣德润嘉禾";
const FIELDS = [
  "科技",
  "智能",
  "光电",
  "半导体",
  "新材料",
  "生物医药",
  "信息技术",
  "精密制造",
  "新能源",
  "电子",
  "数据",
];
const COMPANY_SUFFIX = ["股份有限公司", "有限公司", "集团有限公司", "有限责任公司"];
const ZONE_SUFFIX = [
  "高新技术产业开发区",
  "经济技术开发区",
  "高新区",
  "经开区",
  "产业园",
  "科技园",
  "软件园",
];
const DEPARTMENTS = [
  "工业和信息化厅",
  "发展和改革委员会",
  "科学技术厅",
  "商务厅",
  "市场监督管理局",
  "经济和信息化局",
  "科学技术局",
  "人民政府",
];
const OFFICIAL_TITLES = ["厅长", "副厅长", "局长", "副局长", "主任", "副主任", "党组书记"];
const COMPANY_TITLES = ["董事长", "总经理", "首席执行官", "副总裁", "总工程师"];
const WEEKDAYS = "日一二三四五六";
const PROGRAM_HEADS = ["强链", "补链", "智造", "揭榜", "领航", "倍增", "攀登", "聚才"];
const PROGRAM_KINDS = ["工程", "行动", "专项行动", "计划"];
const POLICY_KINDS = ["实施意见", "行动方案", "若干措施", "三年行动计划", "实施方案"];

const FILLERS = [
  "从区域分布看，东部地区企业数量居前，中西部地区增速较快。",
  "业内人士认为，产业链上下游协同创新的格局正在加快形成。",
  "据了解，相关项目总投资超过百亿元，预计明年年底建成投产。",
  "下一步，当地将持续优化营商环境，加大要素保障力度。",
  "数据显示，今年前三季度，规模以上工业增加值同比增长6.1%。",
  "与此同时，一批专精特新企业在细分领域崭露头角。",
  "走进生产车间，一条条自动化产线正在满负荷运转。",
  "截至目前，已累计培育国家级专精特新“小巨人”企业1.46万家。",
];

export interface Names {
  person(): string;
  company(): string;
  zone(): string;
  agency(): string;
  city(): City;
}

function names(rng: Random, lex: Lexicon): Names {
  const two = (pool: string) => pool[rng.int(pool.length)]! + pool[rng.int(pool.length)]!;
  const bare = (c: City) => c.name.replace(/市$/, "");
  return {
    person: () => rng.pick(lex.surnames) + (rng.chance(0.7) ? two(GIVEN) : GIVEN[rng.int(GIVEN.length)]!),
    company: () =>
      rng.chance(0.15)
        ? rng.pick(lex.enterprises)
        : `${bare(rng.pick(lex.cities))}${two(BRAND)}${rng.pick(FIELDS)}${rng.pick(COMPANY_SUFFIX)}`,
    zone: () =>
      rng.chance(0.3)
        ? rng.pick(lex.zones)
        : `${bare(rng.pick(lex.cities))}${two(BRAND)}${rng.pick(ZONE_SUFFIX)}`,
    agency: () => {
      if (rng.chance(0.4)) return rng.pick(lex.agencies);
      const c = rng.pick(lex.cities);
      const dept = rng.pick(DEPARTMENTS).replace(/厅$/, rng.chance(0.5) ? "厅" : "局");
      return rng.chance(0.5) && c.province ? `${c.province}${dept}` : `${c.name}${dept.replace(/厅$/, "局")}`;
    },
    city: () => rng.pick(lex.cities),
  };
}

interface Day {
  year: number;
  month: number;
  day: number;
}

/** One news item: headline, optional subtitle and byline, lead, body paragraphs, signature. */
function item(rng: Random, lex: Lexicon, n: Names, date: Day): string[] {
  const industry = () => rng.pick(lex.industries);
  const num = () => rng.range(2, 980);
  const when = `${date.month}月${Math.max(1, date.day - rng.int(3))}日`;
  const zone = n.zone();
  const company = n.company();
  const agency = n.agency();
  const ind = industry();
  const policy = `《关于加快${ind}产业高质量发展的${rng.pick(POLICY_KINDS)}》`;
  const program = `“${rng.pick(PROGRAM_HEADS)}${industry()}”${rng.pick(PROGRAM_KINDS)}`;
  const official = n.person();
  const boss = n.person();
  const sentences = [
    `${when}，${agency}印发${policy}，提出到${date.year + 3}年，全省${ind}产业规模突破${num()}亿元。`,
    `${agency}${rng.pick(OFFICIAL_TITLES)}${official}表示，将围绕${industry()}、${industry()}等重点领域，推动产业链上下游协同创新。`,
    `${company}${rng.pick(COMPANY_TITLES)}${boss}说，“公司将把研发投入占比提高到${rng.range(5, 20)}%以上。”`,
    `${company}位于${zone}，主要从事${ind}产品的研发和生产。`,
    `目前，${zone}已集聚${ind}企业${num()}家，产业规模达${num()}亿元。`,
    `${agency}宣布启动${program}，支持${n.company()}、${n.company()}等企业牵头组建创新联合体。`,
    `${n.company()}入选${agency}公布的第${rng.range(2, 6)}批专精特新“小巨人”企业名单。`,
    `${zone}管委会与${rng.pick(lex.organizations)}签署战略合作协议，双方将共建${industry()}公共服务平台。`,
    `${rng.pick(lex.leaders)}来到${n.zone()}考察调研，察看${industry()}产业发展情况。`,
    `${official}指出，${n.city().name}将以${zone}为核心，培育一批${industry()}领军企业。`,
  ];
  const body: string[] = [];
  const paragraphs = rng.range(2, 5);
  for (let p = 0; p < paragraphs; p++) {
    const parts: string[] = [];
    for (let s = rng.range(2, 4); s > 0; s--)
      parts.push(rng.chance(0.75) ? rng.pick(sentences) : rng.pick(FILLERS));
    body.push(parts.join(""));
  }
  const reporter = n.person();
  const city = n.city();
  const lead = rng.pick([
    `本报讯（记者 ${reporter}） `,
    `新华社${city.name.replace(/市$/, "")}${date.month}月${date.day}日电（记者 ${reporter}）`,
    "本报讯 ",
    "",
  ]);
  body[0] = lead + body[0];
  let headline = `${zone}${rng.pick(["加快", "聚力", "做强", "打造"])}${ind}产业集群`;
  if (rng.chance(0.2)) headline += headline; // bold glyphs extracted twice
  const lines = [headline];
  if (rng.chance(0.25)) lines.push(`——${city.province || city.name}先进制造业集群观察${"①②③④⑤"[rng.int(5)]}`);
  if (lead === "" && rng.chance(0.5)) lines.push(`本报记者 ${reporter}`);
  lines.push(...body);
  if (rng.chance(0.6)) lines[lines.length - 1] += ` ${reporter}`;
  if (rng.chance(0.3))
    lines.push(`${when}，工作人员在${company}生产车间调试设备。`, `新华社记者 ${n.person()}/摄`);
  if (rng.chance(0.15)) lines[lines.length - 1] += `（下转第${rng.range(2, 8)}版）`;
  return lines;
}

/** Text broken into narrow PDF columns: a line every `width` characters, maybe blank lines between. */
function column(text: string, width: number, gap: string): string {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += width) out.push(text.slice(i, i + width));
  return out.join(gap);
}

/** One page of a newspaper edition. */
export function generatePage(rng: Random, lex: Lexicon, pageNumber: number): string {
  const n = names(rng, lex);
  const date: Day = { year: 2024, month: rng.range(1, 12), day: rng.range(3, 28) };
  const weekday = WEEKDAYS[new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()];
  const edition = (pageNumber % 8) + 1;
  const width = rng.range(18, 26);
  const gap = rng.chance(0.5) ? "\n\n" : "\n";
  const blocks = [`${date.year}年${date.month}月${date.day}日 星期${weekday} 第${edition}版`];
  if (rng.chance(0.4)) {
    for (let t = rng.range(1, 3); t > 0; t--)
      blocks.push(column(`${n.agency()}召开${rng.pick(lex.industries)}产业发展推进会。`, 9, "\n\n"));
    blocks.push(` ▶ 本报记者 ${n.person()}`, `▼▼ 下转第${edition + 1}版`);
  }
  for (let k = rng.range(3, 5); k > 0; k--) {
    const lines = item(rng, lex, n, date);
    const headCount = lines.findIndex((l) => l.length > 40 || /[，。]/.test(l));
    for (const [i, line] of lines.entries())
      blocks.push(i < headCount || line.length < width ? line : column(line, width, gap));
  }
  return blocks.join("\n\n") + "\n";
}
