"""Text of the demo exhibition, written for this site in Chinese and English.

Facts come from shared/domain.md and the 2021 article in China Social
Sciences (shared/seed); the sentences are our own.
"""

THEMES = [
    # slug, Chinese, English
    ("mass-line", "群众路线", "The mass line"),
    ("source-governance", "源头治理", "Tackling problems at the source"),
    ("no-escalation", "矛盾不上交", "Disputes are not passed upward"),
    ("rule-of-law", "法治", "Rule of law"),
    ("safe-construction", "平安建设", "Building safety"),
    ("digital-governance", "数字化治理", "Digital governance"),
]

EXHIBITION = {
    "slug": "exhibition",
    "zh": {
        "title": "“枫桥经验”陈列馆",
        "intro": (
            "<p>从1963年诸暨枫桥的一次创造，到2021年绍兴的市域升级版，“枫桥经验”走过了58年。"
            "线上展示长廊按照实体展馆的顺序，把这段历史分成七个展厅。您可以从入口出发逐件参观，"
            "也可以按年代、主题或关键词查找展品。</p>"
        ),
        "visit_note": "实体展馆位于绍兴枫桥学院，考察学习团组可在线预约参观。",
        "search_description": "在线参观“枫桥经验”陈列馆：七个展厅、三十余件展品，讲述1963年至2021年的发展历程。",
        "cover_alt": "展览海报：红色背景上写着“枫桥经验 1963—2021”",
    },
    "en": {
        "title": "The Fengqiao Experience Exhibition",
        "intro": (
            "<p>From a local invention in Fengqiao, Zhuji, in 1963 to Shaoxing's city-level upgrade in 2021, "
            "the Fengqiao Experience has a history of 58 years. This online promenade follows the physical "
            "halls and divides that history into seven eras. Start at the entrance and walk from exhibit to "
            "exhibit, or find exhibits by period, theme or keyword.</p>"
        ),
        "visit_note": "The exhibition halls are at Shaoxing Fengqiao College; study groups can book a visit online.",
        "search_description": "Walk the Fengqiao Experience exhibition online: seven halls and more than thirty exhibits from 1963 to 2021.",
        "cover_alt": "Exhibition poster: the words “Fengqiao Experience 1963–2021” on a red background",
    },
}

# Each era: slug, years, colour of its posters, text in both languages, exhibits.
# Each exhibit: slug, date (y, m, d), end date or None, precision, place (zh, en),
# themes, featured, zh {title, summary, body}, en {title, summary, body}.
ERAS = [
    {
        "slug": "birth",
        "years": (1963, 1963),
        "colour": (166, 27, 27),
        "zh": {
            "title": "诞生：1963年的枫桥",
            "summary": "诸暨县枫桥区的干部群众找到了一条依靠群众化解矛盾的路子。",
            "intro": "<p>1963年，在浙江省诸暨县枫桥，干部和群众一起摸索出一种新办法：不把矛盾往上推，而是发动群众、依靠群众，就地把问题解决。这就是“枫桥经验”的起点。</p>",
        },
        "en": {
            "title": "Birth: Fengqiao in 1963",
            "summary": "Cadres and villagers in Fengqiao, Zhuji County, found a way to settle conflicts by relying on the people.",
            "intro": "<p>In 1963, in Fengqiao, Zhuji County, Zhejiang, cadres and villagers worked out a new approach together: instead of pushing conflicts up to higher authorities, they mobilised and relied on local people to resolve problems where they arose. This is where the Fengqiao Experience begins.</p>",
        },
        "exhibits": [
            {
                "slug": "fengqiao-1963",
                "date": (1963, 1, 1), "end": None, "precision": "year",
                "place": ("浙江省诸暨县枫桥", "Fengqiao, Zhuji County, Zhejiang"),
                "themes": ["mass-line"], "featured": True,
                "zh": {
                    "title": "枫桥的干部群众",
                    "summary": "“枫桥经验”不是写在纸上的设计，而是基层干部和普通群众在实践中共同创造的。",
                    "body": "<p>1963年，枫桥的干部群众面对复杂的基层矛盾，没有简单地依靠强制手段，而是把群众发动起来，让大家一起讲道理、摆事实。</p><p>这种做法后来被概括为“发动和依靠群众，坚持矛盾不上交，就地解决”。</p>",
                },
                "en": {
                    "title": "The cadres and people of Fengqiao",
                    "summary": "The Fengqiao Experience was not drawn up on paper: local cadres and ordinary villagers created it together, in practice.",
                    "body": "<p>In 1963 the cadres and villagers of Fengqiao faced tangled local conflicts. Rather than relying on force, they mobilised the community to talk things through and set out the facts together.</p><p>The approach was later summed up as: mobilise and rely on the masses, do not pass contradictions upward, and resolve them on the spot.</p>",
                },
            },
            {
                "slug": "few-arrests-good-order",
                "date": (1963, 1, 1), "end": None, "precision": "year",
                "place": ("浙江省诸暨县枫桥", "Fengqiao, Zhuji County, Zhejiang"),
                "themes": ["safe-construction", "mass-line"], "featured": False,
                "zh": {
                    "title": "捕人少，治安好",
                    "summary": "依靠群众做工作，既减少了逮捕，又让社会秩序保持良好。",
                    "body": "<p>枫桥的做法带来了一个令人信服的结果：抓的人少了，治安反而更好了。</p><p>这说明，把矛盾化解在基层、化解在萌芽状态，比事后处置更有效。</p>",
                },
                "en": {
                    "title": "Few arrests, good order",
                    "summary": "Working through the community meant fewer arrests and, at the same time, better public order.",
                    "body": "<p>Fengqiao's approach produced a convincing result: fewer people were arrested, yet public order improved.</p><p>It showed that settling conflicts early and locally works better than dealing with them after they have grown.</p>",
                },
            },
            {
                "slug": "mao-instruction",
                "date": (1963, 1, 1), "end": None, "precision": "year",
                "place": ("北京", "Beijing"),
                "themes": ["mass-line"], "featured": True,
                "zh": {
                    "title": "毛泽东的批示",
                    "summary": "毛泽东同志作出批示，肯定枫桥的做法，并要求在全国推广。",
                    "body": "<p>枫桥的经验很快引起了中央的关注。毛泽东同志作出批示，充分肯定这一做法，并要求推广到全国。</p><p>从此，“枫桥经验”从一个区的实践，成为全国学习的榜样。</p>",
                },
                "en": {
                    "title": "Mao Zedong's instruction",
                    "summary": "Mao Zedong endorsed Fengqiao's approach in a written instruction and asked for it to be promoted nationwide.",
                    "body": "<p>Fengqiao's experience soon came to the attention of the central leadership. Mao Zedong endorsed it in a written instruction and asked that it be spread across the country.</p><p>From then on, the practice of one district became a model for the whole nation.</p>",
                },
            },
            {
                "slug": "resolve-on-the-spot",
                "date": (1963, 1, 1), "end": None, "precision": "year",
                "place": ("浙江省诸暨县枫桥", "Fengqiao, Zhuji County, Zhejiang"),
                "themes": ["no-escalation", "source-governance"], "featured": False,
                "zh": {
                    "title": "矛盾不上交，就地解决",
                    "summary": "问题在哪里发生，就在哪里解决——这是“枫桥经验”最核心的原则。",
                    "body": "<p>“矛盾不上交”并不是回避问题，而是让最了解情况的基层干部和群众承担起化解的责任。</p><p>就地解决，既节省了成本，也让当事人更容易接受处理结果。</p>",
                },
                "en": {
                    "title": "Settle disputes where they arise",
                    "summary": "Resolve a problem where it happens: this is the core principle of the Fengqiao Experience.",
                    "body": "<p>Not passing contradictions upward does not mean avoiding them. It means that local cadres and residents, who know the situation best, take responsibility for resolving them.</p><p>Settling disputes on the spot saves cost and makes the outcome easier for those involved to accept.</p>",
                },
            },
        ],
    },
    {
        "slug": "reform-by-the-people",
        "years": (1964, 1977),
        "colour": (140, 40, 30),
        "zh": {
            "title": "依靠群众，教育改造",
            "summary": "依靠群众改造“四类分子”，形成“管头、管脚、管肚子”的做法。",
            "intro": "<p>20世纪60年代，枫桥依靠群众对“四类分子”进行教育改造，不靠简单关押，而是从思想、劳动和生活三方面入手，开创了帮教工作的先河。</p>",
        },
        "en": {
            "title": "Reform through the people",
            "summary": "Relying on the community to reform the “four types of elements”: manage the head, the feet and the belly.",
            "intro": "<p>In the 1960s Fengqiao relied on the community to educate and reform the so-called “four types of elements”. Instead of simply locking people up, it worked on their thinking, their labour and their daily life, and so pioneered help-and-education work.</p>",
        },
        "exhibits": [
            {
                "slug": "head-feet-belly",
                "date": (1964, 1, 1), "end": (1969, 1, 1), "precision": "year",
                "place": ("浙江省诸暨县枫桥", "Fengqiao, Zhuji County, Zhejiang"),
                "themes": ["mass-line", "source-governance"], "featured": True,
                "zh": {
                    "title": "管头、管脚、管肚子",
                    "summary": "管头是做思想工作，管脚是督促劳动、防止外逃，管肚子是安排好劳动和生活。",
                    "body": "<p>“三管”的做法朴素而具体：</p><ul><li><b>管头</b>：耐心做思想工作；</li><li><b>管脚</b>：督促参加劳动，防止外逃；</li><li><b>管肚子</b>：妥善安排劳动和吃穿等生活问题。</li></ul>",
                },
                "en": {
                    "title": "The head, the feet and the belly",
                    "summary": "Managing the head meant thought work; the feet, labour and no escape; the belly, proper work, food and clothing.",
                    "body": "<p>The “three managements” were plain and practical:</p><ul><li><b>The head</b>: patient work on people's thinking;</li><li><b>The feet</b>: making sure they took part in labour and did not run away;</li><li><b>The belly</b>: arranging work, food and clothing properly.</li></ul>",
                },
            },
            {
                "slug": "help-and-education",
                "date": (1965, 1, 1), "end": (1977, 1, 1), "precision": "year",
                "place": ("浙江省诸暨县枫桥", "Fengqiao, Zhuji County, Zhejiang"),
                "themes": ["mass-line"], "featured": False,
                "zh": {
                    "title": "帮教工作的开端",
                    "summary": "依靠群众帮助和教育有过错的人，开创了全国帮教工作的先例。",
                    "body": "<p>枫桥没有把需要改造的人推出社会，而是让邻里、生产队和干部一起帮助他们重新做人。</p><p>这种依靠群众的帮教方式，后来在全国推广开来。</p>",
                },
                "en": {
                    "title": "The beginnings of help-and-education work",
                    "summary": "Relying on the community to help and educate people who had done wrong, Fengqiao set a precedent for the whole country.",
                    "body": "<p>Fengqiao did not push people who needed reform out of society. Neighbours, production teams and cadres helped them to make a fresh start.</p><p>This community-based way of helping and educating was later adopted across China.</p>",
                },
            },
            {
                "slug": "fewer-arrests-in-practice",
                "date": (1964, 1, 1), "end": (1977, 1, 1), "precision": "year",
                "place": ("浙江省诸暨县", "Zhuji County, Zhejiang"),
                "themes": ["no-escalation"], "featured": False,
                "zh": {
                    "title": "少捕人，矛盾不上交",
                    "summary": "坚持少捕人、矛盾不上交，让基层承担起化解矛盾的责任。",
                    "body": "<p>这一时期，枫桥继续坚持“少捕、矛盾不上交”，把大量问题留在基层、化解在基层。</p>",
                },
                "en": {
                    "title": "Fewer arrests, no passing the buck",
                    "summary": "Keeping arrests few and disputes local put responsibility for resolving them on the grassroots.",
                    "body": "<p>Throughout this period Fengqiao kept to its rule of few arrests and not passing disputes upward, so that most problems stayed, and were solved, at the grassroots.</p>",
                },
            },
        ],
    },
    {
        "slug": "lifting-the-labels",
        "years": (1978, 1983),
        "colour": (122, 18, 18),
        "zh": {
            "title": "摘帽：解放思想的一步",
            "summary": "改革开放后，枫桥率先为改造好的“四类分子”全部摘帽。",
            "intro": "<p>改革开放之后，枫桥干部解放思想、实事求是，在全国率先为改造好的“四类分子”摘掉帽子，为全国的摘帽工作提供了示范。</p>",
        },
        "en": {
            "title": "Lifting the labels",
            "summary": "After 1978 Fengqiao was the first to lift the labels from all reformed “four types of elements”.",
            "intro": "<p>After reform and opening-up began in 1978, Fengqiao's cadres freed their thinking and sought truth from facts. They were the first in China to lift the labels from everyone among the “four types of elements” who had reformed, setting an example for the whole country.</p>",
        },
        "exhibits": [
            {
                "slug": "first-to-lift-labels",
                "date": (1978, 1, 1), "end": None, "precision": "year",
                "place": ("浙江省诸暨县枫桥", "Fengqiao, Zhuji County, Zhejiang"),
                "themes": ["mass-line", "rule-of-law"], "featured": True,
                "zh": {
                    "title": "率先摘帽",
                    "summary": "枫桥率先为所有改造好的“四类分子”摘帽，让他们和家人重新融入社会。",
                    "body": "<p>一顶“帽子”压着的不只是一个人，还有他的子女和家庭。枫桥率先摘帽，让几代人放下包袱，投入生产和生活。</p>",
                },
                "en": {
                    "title": "First to lift the labels",
                    "summary": "Fengqiao was the first to lift the labels from all reformed “four types of elements”, letting them and their families rejoin society.",
                    "body": "<p>A political label weighed not only on one person but on their children and family. By lifting the labels first, Fengqiao freed several generations to get on with work and life.</p>",
                },
            },
            {
                "slug": "peoples-daily-report",
                "date": (1978, 1, 1), "end": (1983, 1, 1), "precision": "year",
                "place": ("北京", "Beijing"),
                "themes": ["mass-line"], "featured": False,
                "zh": {
                    "title": "《人民日报》的长篇报道",
                    "summary": "《人民日报》以“摘掉一顶帽子，调动几代人”为题，全面介绍枫桥的摘帽经验。",
                    "body": "<p>《人民日报》以“摘掉一顶帽子，调动几代人”为题发表长篇通讯，向全国介绍枫桥为“四类分子”摘帽的经验。</p>",
                },
                "en": {
                    "title": "A long report in People's Daily",
                    "summary": "People's Daily told the whole country about Fengqiao under the headline “Lift one label, motivate several generations”.",
                    "body": "<p>Under the headline “Lift one label, motivate several generations”, People's Daily published a long report that introduced Fengqiao's experience of lifting labels to readers across China.</p>",
                },
            },
            {
                "slug": "seek-truth-from-facts",
                "date": (1978, 1, 1), "end": None, "precision": "year",
                "place": ("浙江省诸暨县枫桥", "Fengqiao, Zhuji County, Zhejiang"),
                "themes": ["rule-of-law"], "featured": False,
                "zh": {
                    "title": "解放思想，实事求是",
                    "summary": "对每个人的情况逐一核实，实事求是地作出结论。",
                    "body": "<p>摘帽不是一刀切。枫桥的干部依靠群众，对每个人的表现逐一了解、核实，再实事求是地作出结论。</p>",
                },
                "en": {
                    "title": "Freeing minds, seeking truth from facts",
                    "summary": "Each person's case was checked one by one, and decisions rested on the facts.",
                    "body": "<p>Lifting the labels was not done wholesale. With the help of local people, cadres looked into and verified each person's conduct before reaching a decision based on the facts.</p>",
                },
            },
            {
                "slug": "national-example",
                "date": (1979, 1, 1), "end": (1983, 1, 1), "precision": "year",
                "place": ("全国", "Nationwide"),
                "themes": ["mass-line"], "featured": False,
                "zh": {
                    "title": "为全国摘帽工作提供示范",
                    "summary": "枫桥的做法成为全国摘帽工作的样板。",
                    "body": "<p>枫桥的摘帽经验为全国提供了可借鉴的做法，“枫桥经验”也由此在新的历史时期焕发了新的活力。</p>",
                },
                "en": {
                    "title": "An example for the whole country",
                    "summary": "Fengqiao's approach became the model for lifting labels nationwide.",
                    "body": "<p>Fengqiao's experience gave the rest of the country a practical example to follow, and the Fengqiao Experience gained new life in a new period.</p>",
                },
            },
        ],
    },
    {
        "slug": "comprehensive-management",
        "years": (1984, 1999),
        "colour": (140, 70, 20),
        "zh": {
            "title": "市场经济中的综合治理",
            "summary": "民营经济兴起、人口流动加快，枫桥创造了社会治安综合治理的经验。",
            "intro": "<p>随着改革开放深入，浙江成为市场经济的先发地区：民营企业迅速兴起，外来人口不断增加，治安形势更加复杂。枫桥依靠群众，创造了“打、防、教、管”相结合的社会治安综合治理经验。</p>",
        },
        "en": {
            "title": "Comprehensive management in a market economy",
            "summary": "With private firms booming and people on the move, Fengqiao developed comprehensive management of public security.",
            "intro": "<p>As reform deepened, Zhejiang became a pioneer of the market economy: private firms grew quickly, migrants arrived in large numbers and public order became more complex. Relying on the people, Fengqiao combined striking at crime, prevention, education and management into comprehensive management of public security.</p>",
        },
        "exhibits": [
            {
                "slug": "market-economy-challenges",
                "date": (1984, 1, 1), "end": (1999, 1, 1), "precision": "year",
                "place": ("浙江省", "Zhejiang Province"),
                "themes": ["safe-construction"], "featured": False,
                "zh": {
                    "title": "新形势，新问题",
                    "summary": "民营企业兴起、社会流动加快、外来人口增加，基层治理面临新考验。",
                    "body": "<p>经济快速发展带来了新的矛盾：企业之间、雇主与工人之间、本地人与外来人口之间的纠纷增多。枫桥需要在新形势下回答老问题：怎样依靠群众维护平安？</p>",
                },
                "en": {
                    "title": "New times, new problems",
                    "summary": "Private firms, faster social mobility and more migrants tested local governance.",
                    "body": "<p>Rapid growth brought new kinds of dispute: between firms, between employers and workers, between locals and newcomers. Fengqiao had to answer an old question in new conditions: how to keep the peace by relying on the people?</p>",
                },
            },
            {
                "slug": "strike-prevent-educate-manage",
                "date": (1984, 1, 1), "end": (1999, 1, 1), "precision": "year",
                "place": ("浙江省诸暨市枫桥镇", "Fengqiao Town, Zhuji, Zhejiang"),
                "themes": ["safe-construction", "rule-of-law"], "featured": True,
                "zh": {
                    "title": "打、防、教、管",
                    "summary": "打击、防范、教育、管理相结合，形成社会治安综合治理的枫桥做法。",
                    "body": "<p>“打、防、教、管”四个字，把依法打击违法犯罪、群防群治、教育挽救和日常管理结合在一起，为全国的社会治安综合治理提供了实践样本。</p>",
                },
                "en": {
                    "title": "Strike, prevent, educate, manage",
                    "summary": "Combining law enforcement, prevention, education and management became Fengqiao's model of comprehensive management.",
                    "body": "<p>Four words – strike, prevent, educate, manage – brought together lawful action against crime, community-based prevention, education and rescue, and day-to-day management. Together they gave the country a working model of comprehensive management of public security.</p>",
                },
            },
            {
                "slug": "four-pre-method",
                "date": (1990, 1, 1), "end": None, "precision": "decade",
                "place": ("浙江省诸暨市枫桥镇", "Fengqiao Town, Zhuji, Zhejiang"),
                "themes": ["source-governance", "no-escalation"], "featured": True,
                "zh": {
                    "title": "“四前工作法”",
                    "summary": "组织建设走在工作前，预测工作走在预防前，预防工作走在调解前，调解工作走在激化前。",
                    "body": "<p>“四前工作法”把功夫下在矛盾发生之前：</p><ol><li>组织建设走在工作前；</li><li>预测工作走在预防前；</li><li>预防工作走在调解前；</li><li>调解工作走在激化前。</li></ol>",
                },
                "en": {
                    "title": "The “four pre-” working method",
                    "summary": "Organisation before work, forecasting before prevention, prevention before mediation, mediation before escalation.",
                    "body": "<p>The “four pre-” method puts the effort in before a conflict breaks out:</p><ol><li>build the organisation before the work starts;</li><li>forecast before you prevent;</li><li>prevent before you have to mediate;</li><li>mediate before the dispute escalates.</li></ol>",
                },
            },
            {
                "slug": "community-security",
                "date": (1990, 1, 1), "end": (1999, 1, 1), "precision": "year",
                "place": ("浙江省诸暨市", "Zhuji, Zhejiang"),
                "themes": ["mass-line", "safe-construction"], "featured": False,
                "zh": {
                    "title": "依靠群众管好治安",
                    "summary": "群防群治队伍成为维护一方平安的重要力量。",
                    "body": "<p>枫桥把群众组织起来参与治安防范和纠纷调解，治安工作从“少数人管”变成“大家一起管”。</p>",
                },
                "en": {
                    "title": "Public order, kept by the public",
                    "summary": "Community patrols and mediators became a key force for local safety.",
                    "body": "<p>Fengqiao organised residents to take part in crime prevention and the mediation of disputes, so that keeping order was no longer the job of a few but the work of everyone.</p>",
                },
            },
        ],
    },
    {
        "slug": "safe-fengqiao",
        "years": (2000, 2011),
        "colour": (30, 90, 60),
        "zh": {
            "title": "平安枫桥与大调解",
            "summary": "面对征地拆迁、企业改制、劳资纠纷等新矛盾，推进“平安枫桥”建设。",
            "intro": "<p>进入21世纪，经济结构和利益格局深刻调整，征地拆迁、企业改制、劳资纠纷、流动人口管理等新矛盾增多。枫桥坚持源头预防，建设“平安枫桥”，并逐步形成“大调解”工作格局。</p>",
        },
        "en": {
            "title": "Safe Fengqiao and “big mediation”",
            "summary": "Facing land acquisition, enterprise reform and labour disputes, Fengqiao built “Safe Fengqiao”.",
            "intro": "<p>In the new century the economy and the balance of interests changed deeply. Land acquisition and demolition, enterprise reform, labour disputes and the management of migrants brought new conflicts. Fengqiao kept to prevention at the source, built “Safe Fengqiao” and gradually developed a “big mediation” structure.</p>",
        },
        "exhibits": [
            {
                "slug": "new-contradictions",
                "date": (2000, 1, 1), "end": (2008, 1, 1), "precision": "year",
                "place": ("浙江省诸暨市枫桥镇", "Fengqiao Town, Zhuji, Zhejiang"),
                "themes": ["source-governance"], "featured": False,
                "zh": {
                    "title": "新世纪的新矛盾",
                    "summary": "征地拆迁、企业改制、劳资纠纷、违章整治和流动人口管理带来新挑战。",
                    "body": "<p>这些矛盾涉及群众切身利益，处理不好就可能激化。枫桥坚持把化解矛盾的关口前移，从源头上减少纠纷。</p>",
                },
                "en": {
                    "title": "New conflicts for a new century",
                    "summary": "Land acquisition, enterprise reform, labour disputes, clearing illegal buildings and managing migrants brought new challenges.",
                    "body": "<p>These conflicts touched people's vital interests and could easily escalate. Fengqiao moved its work forward, reducing disputes at their source.</p>",
                },
            },
            {
                "slug": "four-firsts-four-earlies",
                "date": (2000, 1, 1), "end": None, "precision": "decade",
                "place": ("浙江省诸暨市枫桥镇", "Fengqiao Town, Zhuji, Zhejiang"),
                "themes": ["source-governance", "safe-construction"], "featured": True,
                "zh": {
                    "title": "“四先四早”工作机制",
                    "summary": "预警在先、教育在先、控制在先、调解在先，做到早消化、早转化、早防范、早处置。",
                    "body": "<ul><li>预警在先，苗头问题早消化；</li><li>教育在先，重点对象早转化；</li><li>控制在先，敏感时期早防范；</li><li>调解在先，矛盾纠纷早处理。</li></ul>",
                },
                "en": {
                    "title": "“Four firsts, four earlies”",
                    "summary": "Warn first, educate first, control first, mediate first – and act early on each.",
                    "body": "<ul><li>Warning first: deal early with the first signs of trouble;</li><li>Education first: help key persons change early;</li><li>Control first: take precautions early in sensitive periods;</li><li>Mediation first: handle disputes early.</li></ul>",
                },
            },
            {
                "slug": "safe-zhejiang",
                "date": (2004, 1, 1), "end": (2011, 1, 1), "precision": "year",
                "place": ("浙江省", "Zhejiang Province"),
                "themes": ["safe-construction"], "featured": False,
                "zh": {
                    "title": "“平安浙江”里的枫桥元素",
                    "summary": "“平安枫桥”的做法为“平安浙江”建设贡献了枫桥元素。",
                    "body": "<p>枫桥依靠群众推进“平安枫桥”建设，其经验融入了全省的“平安浙江”建设。</p>",
                },
                "en": {
                    "title": "Fengqiao in “Safe Zhejiang”",
                    "summary": "The methods of “Safe Fengqiao” became part of the province-wide “Safe Zhejiang” campaign.",
                    "body": "<p>Fengqiao built “Safe Fengqiao” with the help of its people, and its methods fed into “Safe Zhejiang”, the province-wide effort for public safety.</p>",
                },
            },
            {
                "slug": "big-mediation",
                "date": (2008, 1, 1), "end": (2011, 1, 1), "precision": "year",
                "place": ("浙江省绍兴市", "Shaoxing, Zhejiang"),
                "themes": ["rule-of-law", "no-escalation"], "featured": False,
                "zh": {
                    "title": "“大调解”工作格局",
                    "summary": "人民调解、行政调解、司法调解与社会调解相衔接。",
                    "body": "<p>2008年以后，基层矛盾增多，群众法治意识增强。“枫桥经验”顺应变化，探索人民调解、行政调解、司法调解和社会调解相结合的“大调解”格局。</p>",
                },
                "en": {
                    "title": "The “big mediation” structure",
                    "summary": "People's, administrative and judicial mediation linked with social mediation.",
                    "body": "<p>After 2008, local disputes increased and people became more aware of their legal rights. The Fengqiao Experience adapted by joining people's mediation, administrative mediation and judicial mediation with mediation by social organisations.</p>",
                },
            },
            {
                "slug": "mediation-in-numbers",
                "date": (2008, 1, 1), "end": None, "precision": "year",
                "place": ("浙江省绍兴市", "Shaoxing, Zhejiang"),
                "themes": ["rule-of-law"], "featured": False,
                "zh": {
                    "title": "调解员与当事人",
                    "summary": "调解把法律和情理结合起来，让双方都能接受结果。",
                    "body": "<p>在“大调解”格局中，调解员既讲法律，也讲情理。当事人能够面对面说清诉求，许多纠纷不必走上法庭就得到解决。</p>",
                },
                "en": {
                    "title": "Mediators and the parties",
                    "summary": "Mediation combines the law with common sense, so that both sides can accept the outcome.",
                    "body": "<p>Within the big mediation structure, mediators speak both of the law and of what is reasonable. The parties can set out their claims face to face, and many disputes are settled without going to court.</p>",
                },
            },
        ],
    },
    {
        "slug": "new-era",
        "years": (2012, 2020),
        "colour": (20, 60, 120),
        "zh": {
            "title": "新时代“枫桥经验”",
            "summary": "小事不出村、大事不出镇、矛盾不上交。",
            "intro": "<p>党的十八大以来，形成了具有鲜明时代特色的新时代“枫桥经验”：坚持党的群众路线，在党的领导下充分发动群众、组织群众、依靠群众解决群众自己的事情，做到“小事不出村、大事不出镇、矛盾不上交”。</p>",
        },
        "en": {
            "title": "The Fengqiao Experience in a new era",
            "summary": "Small matters stay in the village, big matters stay in the town, disputes are not passed upward.",
            "intro": "<p>Since 2012 the Fengqiao Experience has taken on the features of a new era: following the Party's mass line, people are mobilised, organised and relied on, under the Party's leadership, to settle their own affairs – small matters stay in the village, big matters stay in the town, and disputes are not passed upward.</p>",
        },
        "exhibits": [
            {
                "slug": "village-and-town",
                "date": (2012, 1, 1), "end": None, "precision": "year",
                "place": ("浙江省诸暨市", "Zhuji, Zhejiang"),
                "themes": ["no-escalation", "mass-line"], "featured": False,
                "zh": {
                    "title": "小事不出村，大事不出镇",
                    "summary": "新时代“枫桥经验”的基本要求：把矛盾化解在村镇一级。",
                    "body": "<p>村里能解决的不拿到镇里，镇里能解决的不推到县里。新时代“枫桥经验”把这一原则落实到每个村和每个镇。</p>",
                },
                "en": {
                    "title": "Small matters stay in the village, big ones in the town",
                    "summary": "The basic rule of the new-era experience: resolve disputes at village and town level.",
                    "body": "<p>What the village can solve does not go to the town; what the town can solve is not pushed to the county. The new-era Fengqiao Experience applies this rule in every village and town.</p>",
                },
            },
            {
                "slug": "instruction-2013",
                "date": (2013, 10, 9), "end": None, "precision": "day",
                "place": ("北京", "Beijing"),
                "themes": ["mass-line", "rule-of-law"], "featured": True,
                "zh": {
                    "title": "坚持好、发展好“枫桥经验”",
                    "summary": "2013年10月9日，习近平总书记就坚持和发展“枫桥经验”作出重要指示。",
                    "body": "<p>习近平总书记要求各级党委和政府充分认识“枫桥经验”的重大意义，善于运用法治思维和法治方式解决涉及群众切身利益的矛盾和问题，把“枫桥经验”坚持好、发展好，把党的群众路线坚持好、贯彻好。</p>",
                },
                "en": {
                    "title": "Uphold it and develop it",
                    "summary": "On 9 October 2013 Xi Jinping gave an important instruction on upholding and developing the Fengqiao Experience.",
                    "body": "<p>Xi Jinping asked Party committees and governments at every level to grasp the significance of the Fengqiao Experience, to use the rule of law in resolving conflicts that affect people's vital interests, and to uphold and develop both the experience and the Party's mass line.</p>",
                },
            },
            {
                "slug": "sixty-instructions",
                "date": (2013, 1, 1), "end": (2020, 1, 1), "precision": "year",
                "place": ("北京", "Beijing"),
                "themes": ["mass-line"], "featured": False,
                "zh": {
                    "title": "60余次指示批示",
                    "summary": "习近平总书记对“枫桥经验”作出的指示批示超过60次。",
                    "body": "<p>这些指示批示持续推动“枫桥经验”随着基层治理的变化不断丰富和发展。</p>",
                },
                "en": {
                    "title": "More than sixty instructions",
                    "summary": "Xi Jinping has given more than sixty instructions on the Fengqiao Experience.",
                    "body": "<p>These instructions have kept the Fengqiao Experience developing as local governance changes.</p>",
                },
            },
            {
                "slug": "anniversary-2018",
                "date": (2018, 11, 1), "end": None, "precision": "month",
                "place": ("浙江省绍兴市", "Shaoxing, Zhejiang"),
                "themes": ["mass-line", "source-governance"], "featured": True,
                "zh": {
                    "title": "55周年：一整套社会治理方案",
                    "summary": "2018年11月，新时代“枫桥经验”被界定为“党领导人民创造的一整套行之有效的社会治理方案”。",
                    "body": "<p>在纪念毛泽东同志批示学习推广“枫桥经验”55周年之际，新时代“枫桥经验”被界定为“党领导人民创造的一整套行之有效的社会治理方案”。</p><p>这意味着它从基层治理领域拓展到了社会治理的各个领域。</p>",
                },
                "en": {
                    "title": "55 years on: a complete approach to social governance",
                    "summary": "In November 2018 the new-era experience was defined as a complete and effective set of social governance programmes created by the people under the Party's leadership.",
                    "body": "<p>At the 55th anniversary of Mao Zedong's instruction to learn from and spread the Fengqiao Experience, the new-era experience was defined as “a complete set of effective social governance programmes created by the Party leading the people”.</p><p>Its reach thus widened from grassroots governance to every field of social governance.</p>",
                },
            },
            {
                "slug": "written-into-policy",
                "date": (2019, 1, 1), "end": (2020, 1, 1), "precision": "year",
                "place": ("北京", "Beijing"),
                "themes": ["rule-of-law"], "featured": False,
                "zh": {
                    "title": "写入党内法规和中央文件",
                    "summary": "坚持和发展新时代“枫桥经验”写入农村基层组织工作条例、2019年和2020年中央一号文件等。",
                    "body": "<p>此后，坚持和发展新时代“枫桥经验”先后写入《中国共产党农村基层组织工作条例》、2019年和2020年中央一号文件、2019年国务院《政府工作报告》，以及党的十九届四中、五中全会的重要文件。</p>",
                },
                "en": {
                    "title": "Written into Party rules and central documents",
                    "summary": "Upholding the new-era experience entered the rural grassroots organisation regulations and the No. 1 documents of 2019 and 2020.",
                    "body": "<p>Upholding and developing the new-era Fengqiao Experience was then written into the regulations on the Party's rural grassroots organisations, the central No. 1 documents of 2019 and 2020, the State Council's 2019 government work report, and the decisions of the Fourth and Fifth Plenary Sessions of the 19th Central Committee.</p>",
                },
            },
            {
                "slug": "police-butler",
                "date": (2015, 1, 1), "end": (2020, 1, 1), "precision": "year",
                "place": ("浙江省绍兴市", "Shaoxing, Zhejiang"),
                "themes": ["safe-construction", "mass-line"], "featured": False,
                "zh": {
                    "title": "“枫桥式派出所”与“警务管家”",
                    "summary": "派出所民警深入社区和企业，当好群众身边的“警务管家”。",
                    "body": "<p>“枫桥式派出所”把工作重心放在源头预防和服务群众上。“警务管家”走进企业和社区，把隐患发现在前、把纠纷化解在早。</p>",
                },
                "en": {
                    "title": "“Fengqiao-style” police stations and the “police butler”",
                    "summary": "Police officers work in communities and firms as a “police butler” close to the people.",
                    "body": "<p>“Fengqiao-style” police stations focus on prevention at the source and on serving residents. The “police butler” visits firms and neighbourhoods to spot risks early and settle disputes before they grow.</p>",
                },
            },
        ],
    },
    {
        "slug": "city-upgrade",
        "years": (2021, 2021),
        "colour": (90, 30, 110),
        "zh": {
            "title": "市域升级版：2021年的绍兴",
            "summary": "系统化、全域化、指数化、实体化、数字化，打造新时代“枫桥经验”市域升级版。",
            "intro": "<p>作为“枫桥经验”的发源地，绍兴在2021年着力打造新时代“枫桥经验”的市域升级版，推动它从乡村治理走向城乡治理，从局部治理走向全域治理，从基层治理走向市域治理。</p>",
        },
        "en": {
            "title": "The city-level upgrade: Shaoxing in 2021",
            "summary": "Systematic, city-wide, measured, physical and digital: Shaoxing's upgrade of the new-era experience.",
            "intro": "<p>As the birthplace of the Fengqiao Experience, Shaoxing set out in 2021 to build a city-level upgrade of it: from rural to urban-and-rural governance, from local pilots to the whole city, from the grassroots to the municipal level.</p>",
        },
        "exhibits": [
            {
                "slug": "bonsai-to-landscape",
                "date": (2021, 1, 1), "end": None, "precision": "year",
                "place": ("浙江省绍兴市", "Shaoxing, Zhejiang"),
                "themes": ["source-governance"], "featured": False,
                "zh": {
                    "title": "从“盆景”到“风景”",
                    "summary": "把分散的创新点连成片，推动“枫桥经验”全域化。",
                    "body": "<p>各地各部门分散创新，容易重复探索，甚至只培育出“盆景”。绍兴从市级层面统筹推广，在派出所、司法所、人民法庭、退役军人服务站和村社开展新时代“枫桥式”系列创建，让“盆景”变成“风景”。</p>",
                },
                "en": {
                    "title": "From bonsai to landscape",
                    "summary": "Joining scattered innovations into a city-wide practice.",
                    "body": "<p>When each place and department innovates on its own, effort is duplicated and the results stay “bonsai” – pretty but isolated. Shaoxing coordinated from the city level, running “Fengqiao-style” programmes for police stations, judicial offices, people's tribunals, veterans' service stations and villages, so that the bonsai became a landscape.</p>",
                },
            },
            {
                "slug": "fengqiao-index",
                "date": (2021, 1, 1), "end": None, "precision": "year",
                "place": ("浙江省绍兴市", "Shaoxing, Zhejiang"),
                "themes": ["digital-governance", "source-governance"], "featured": True,
                "zh": {
                    "title": "“枫桥指数”",
                    "summary": "市域社会治理指数每月动态发布，引导各地精细化治理。",
                    "body": "<p>“枫桥指数”把基层党建、平安创建、矛盾化解、法治建设、文明实践和社会组织参与治理等重点内容纳入指标体系，每月发布，让各地对标找差。</p>",
                },
                "en": {
                    "title": "The Fengqiao Index",
                    "summary": "A city-wide index of social governance, published every month, guides finer-grained work.",
                    "body": "<p>The Fengqiao Index measures Party building at the grassroots, safety, dispute resolution, the rule of law, civic practice and the part social organisations play in governance. Published monthly, it shows each area where it stands and where it must improve.</p>",
                },
            },
            {
                "slug": "mediation-centres",
                "date": (2021, 1, 1), "end": None, "precision": "year",
                "place": ("浙江省绍兴市", "Shaoxing, Zhejiang"),
                "themes": ["no-escalation", "source-governance"], "featured": True,
                "zh": {
                    "title": "三级矛盾调解中心",
                    "summary": "县级“终点站”、镇级“主阵地”、村级“前哨所”，90%以上的矛盾纠纷化解在镇村两级。",
                    "body": "<p>绍兴按照实体化、规范化标准，建设县级“终点站”、镇级“主阵地”、村级“前哨所”三级矛盾调解中心体系。</p>",
                    "figure": ("90%+", "的矛盾纠纷在镇、村两级化解"),
                },
                "en": {
                    "title": "Mediation centres at three levels",
                    "summary": "County “terminals”, town “main positions” and village “outposts”: over 90% of disputes are resolved in towns and villages.",
                    "body": "<p>Following common standards, Shaoxing built a three-level system of conflict mediation centres: a “terminal” in each county, a “main position” in each town and an “outpost” in each village.</p>",
                    "figure": ("90%+", "of disputes resolved at town and village level"),
                },
            },
            {
                "slug": "city-brain",
                "date": (2021, 1, 1), "end": None, "precision": "year",
                "place": ("浙江省绍兴市", "Shaoxing, Zhejiang"),
                "themes": ["digital-governance"], "featured": False,
                "zh": {
                    "title": "城市大脑与四级联动",
                    "summary": "市、县、镇、村四级联动的社会治理指挥体系，融合“雪亮工程”和全科网格。",
                    "body": "<p>绍兴建成“城市大脑”，构建纵向到底、横向到边的四级联动社会治理智能指挥体系，推动“雪亮工程”、综治网和全科网格数字平台深度融合，打破信息壁垒。</p>",
                },
                "en": {
                    "title": "The city brain and four-level coordination",
                    "summary": "A command system linking city, county, town and village, joining the “Sharp Eyes” project and full-coverage grids.",
                    "body": "<p>Shaoxing completed its “city brain” and built an intelligent command system that links the city, counties, towns and villages. It joins the “Sharp Eyes” video project, the comprehensive management network and the full-coverage grid platform, breaking down information barriers.</p>",
                },
            },
            {
                "slug": "online-fengqiao",
                "date": (2021, 1, 1), "end": None, "precision": "year",
                "place": ("浙江省绍兴市", "Shaoxing, Zhejiang"),
                "themes": ["digital-governance", "mass-line"], "featured": False,
                "zh": {
                    "title": "线上“枫桥经验”",
                    "summary": "走好网上群众路线，实现线上线下同步治理。",
                    "body": "<p>绍兴创新发展线上“枫桥经验”，构建多元主体参与、多种手段并用的网络综合治理体系，让线上线下同步治理。</p>",
                },
                "en": {
                    "title": "The Fengqiao Experience online",
                    "summary": "Following the mass line on the internet, governing online and offline together.",
                    "body": "<p>Shaoxing developed an online Fengqiao Experience: a system of internet governance in which many parties take part and many means are used, so that online and offline governance go hand in hand.</p>",
                },
            },
            {
                "slug": "village-practices",
                "date": (2021, 1, 1), "end": None, "precision": "year",
                "place": ("浙江省诸暨市", "Zhuji, Zhejiang"),
                "themes": ["mass-line", "source-governance"], "featured": False,
                "zh": {
                    "title": "民情日记、乡贤参事与红色物业",
                    "summary": "基层的典型做法：记录民情、请乡贤回归治理、以党建引领物业服务。",
                    "body": "<p>绍兴及时总结推广“民情日记”、乡贤参事会、社区党建“契约化”共建和“红色物业”等典型经验。诸暨全面推进村级社会组织“5+X”规范化建设，让专业的人做专业的事。</p>",
                },
                "en": {
                    "title": "People's diaries, village sages and red property management",
                    "summary": "Grassroots practices: recording residents' concerns, bringing respected locals back into governance, Party-led property services.",
                    "body": "<p>Shaoxing promptly spread practices such as the “diary of the people's conditions”, councils of village sages, co-building contracts between community Party organisations and “red property management”. Zhuji standardised its village social organisations under the “5+X” model, so that professionals do professional work.</p>",
                },
            },
            {
                "slug": "fengqiao-college",
                "date": (2021, 1, 1), "end": None, "precision": "year",
                "place": ("浙江省绍兴市", "Shaoxing, Zhejiang"),
                "themes": ["mass-line"], "featured": False,
                "zh": {
                    "title": "绍兴枫桥学院",
                    "summary": "投资7.5亿元、占地310亩，每年接待考察10万余人次、培训政法干部1.5万人次。",
                    "body": "<p>绍兴高标准建设“枫桥经验”陈列馆，完整展示58年的发展脉络和典型做法，并把新老两个展馆和线上展示长廊建成向全国展示“枫桥经验”的重要阵地。同时投资7.5亿元建设占地310亩的绍兴枫桥学院。</p>",
                    "figure": ("15,000", "名政法干部每年在学院接受培训"),
                },
                "en": {
                    "title": "Shaoxing Fengqiao College",
                    "summary": "750 million yuan, 310 mu; more than 100,000 visitors and 15,000 cadres trained each year.",
                    "body": "<p>Shaoxing built the Fengqiao Experience exhibition to a high standard, showing 58 years of history and typical practices, and made its old and new halls and this online promenade a place where the whole country can see the experience. It also invested 750 million yuan in Shaoxing Fengqiao College, whose campus covers 310 mu.</p>",
                    "figure": ("15,000", "political-legal cadres trained at the college each year"),
                },
            },
        ],
    },
]

# The exhibit that carries the rich body (video, gallery, document, quotation).
SHOWCASE_EXHIBIT = "instruction-2013"

MILESTONES = [
    # date, precision, exhibit slug or None, Chinese, English
    ((1963, 1, 1), "year", "fengqiao-1963", "枫桥干部群众创造“枫桥经验”", "Cadres and villagers of Fengqiao create the Fengqiao Experience"),
    ((1963, 1, 1), "year", "mao-instruction", "毛泽东同志批示肯定，要求在全国推广", "Mao Zedong endorses the experience and asks for it to be spread nationwide"),
    ((1964, 1, 1), "year", "head-feet-belly", "依靠群众改造“四类分子”，形成“管头、管脚、管肚子”的做法", "Reform of the “four types of elements” through the community: head, feet and belly"),
    ((1978, 1, 1), "year", "first-to-lift-labels", "改革开放后，枫桥率先为改造好的“四类分子”摘帽", "After 1978 Fengqiao is first to lift the labels of reformed “four types of elements”"),
    ((1978, 1, 1), "year", None, "《人民日报》刊发“摘掉一顶帽子，调动几代人”", "People's Daily reports: “Lift one label, motivate several generations”"),
    ((1980, 1, 1), "decade", None, "民营经济兴起，社会流动加快，治安形势趋于复杂", "Private firms grow and people move: public order becomes more complex"),
    ((1984, 1, 1), "year", "strike-prevent-educate-manage", "形成“打、防、教、管”相结合的社会治安综合治理经验", "Strike, prevent, educate, manage: comprehensive management of public security"),
    ((1990, 1, 1), "decade", "four-pre-method", "创造“四前工作法”", "The “four pre-” working method"),
    ((2000, 1, 1), "decade", "four-firsts-four-earlies", "建设“平安枫桥”，推出“四先四早”工作机制", "“Safe Fengqiao” and the “four firsts, four earlies” mechanism"),
    ((2004, 1, 1), "year", None, "“平安枫桥”的做法融入“平安浙江”建设", "“Safe Fengqiao” becomes part of “Safe Zhejiang”"),
    ((2008, 1, 1), "year", "big-mediation", "探索人民调解、行政调解、司法调解相衔接的“大调解”格局", "The “big mediation” structure links people's, administrative and judicial mediation"),
    ((2012, 1, 1), "year", "village-and-town", "党的十八大以来，形成新时代“枫桥经验”", "After the 18th Party Congress, the new-era Fengqiao Experience takes shape"),
    ((2013, 10, 9), "day", "instruction-2013", "习近平总书记就坚持和发展“枫桥经验”作出重要指示", "Xi Jinping's instruction on upholding and developing the Fengqiao Experience"),
    ((2018, 11, 1), "month", "anniversary-2018", "纪念“枫桥经验”55周年，界定为“一整套行之有效的社会治理方案”", "55th anniversary: defined as a complete set of effective social governance programmes"),
    ((2019, 1, 1), "year", "written-into-policy", "写入2019年中央一号文件和国务院《政府工作报告》", "Written into the 2019 No. 1 document and the government work report"),
    ((2019, 1, 1), "year", None, "写入党的十九届四中全会决定", "Written into the decision of the Fourth Plenary Session"),
    ((2020, 1, 1), "year", None, "再次写入中央一号文件和十九届五中全会建议", "Written again into the No. 1 document and the Fifth Plenary Session's recommendations"),
    ((2021, 1, 1), "year", "bonsai-to-landscape", "绍兴着力打造新时代“枫桥经验”市域升级版", "Shaoxing sets out to build a city-level upgrade of the new-era experience"),
    ((2021, 4, 28), "day", None, "《中国社会科学报》刊文介绍绍兴的市域升级版实践", "China Social Sciences publishes an article on Shaoxing's city-level upgrade"),
]
