//! Times each part of building the default pipeline (a development aid for start-up work).
use std::time::Instant;

fn main() -> anyhow::Result<()> {
    let t = Instant::now();
    let gazetteer = gazette::gazetteer::Gazetteer::defaults()?;
    let load = t.elapsed();
    let t = Instant::now();
    let _pipeline = gazette::Pipeline::new(gazetteer)?;
    let build = t.elapsed();
    println!("load {:?} build {:?}", load, build);
    Ok(())
}
